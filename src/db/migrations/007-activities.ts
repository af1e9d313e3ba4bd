import { type Kysely, sql } from 'kysely';

/**
 * Activities: calls, meetings, emails and notes logged on an account, and on one of its deals when
 * `opportunity_id` is set. The criteria about conversations are derived from them, and health reads the last one.
 */
const statements: readonly string[] = [
  `create table activities (
    id text primary key,
    account_id text not null references accounts(id),
    opportunity_id text references opportunities(id),
    kind text not null check (kind in ('call', 'meeting', 'email', 'note')),
    occurred_at timestamptz not null,
    user_ids jsonb not null default '[]'::jsonb,
    contact_ids jsonb not null default '[]'::jsonb,
    summary text not null,
    link text,
    created_by text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version integer not null default 1
  )`,
  `create index activities_opportunity_idx on activities (opportunity_id, occurred_at)
    where opportunity_id is not null`,
  `create index activities_account_idx on activities (account_id, occurred_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
