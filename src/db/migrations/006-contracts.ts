import { type Kysely, sql } from 'kysely';

/**
 * Commit contracts: what makes an account a Commit Customer (one in force today) and what a Renewal or
 * Expansion is measured against (the latest-ending one). A contract may name the won deal it came from.
 */
const statements: readonly string[] = [
  `create table contracts (
    id text primary key,
    account_id text not null references accounts(id),
    kind text not null check (kind in ('commit')),
    start_date date not null,
    end_date date not null,
    tcv_minor bigint not null check (tcv_minor >= 0),
    currency char(3) not null,
    opportunity_id text unique references opportunities(id),
    created_by text not null,
    created_at timestamptz not null,
    version integer not null default 1,
    check (end_date >= start_date)
  )`,
  `create index contracts_account_idx on contracts (account_id, end_date)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
