import { type Kysely, sql } from 'kysely';

/**
 * What changed in the pipeline (issue 14, item 3). `deal_snapshots` keeps every open deal's forecast facts at
 * the instant a snapshot was taken (weekly, and on demand): one INSERT … SELECT writes a whole snapshot, all
 * rows sharing one `taken_at`. The primary key leads with `taken_at`, so it is also the index that finds "the
 * snapshot at or before a date" (`max(taken_at) where taken_at <= $1`: one backward index probe) and reads that
 * snapshot's rows as one range; the second index reads one deal's snapshots in time order.
 *
 * `opportunities.push_count`: how many times the deal's close date was pushed — moved later into a later
 * calendar month (src/domain/forecast-changes/push.ts) — kept by the update that moves it, in its transaction.
 */
const statements: readonly string[] = [
  `create table deal_snapshots (
    taken_at timestamptz not null,
    opportunity_id text not null references opportunities (id) on delete cascade,
    amount_minor bigint not null check (amount_minor >= 0),
    currency text not null,
    stage text not null,
    pipeline text not null,
    forecast_category text not null,
    close_date date not null,
    owner_id text not null,
    primary key (taken_at, opportunity_id)
  )`,
  `create index deal_snapshots_opportunity_idx on deal_snapshots (opportunity_id, taken_at)`,
  `alter table opportunities add column push_count integer not null default 0 check (push_count >= 0)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
