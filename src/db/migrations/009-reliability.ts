import { type Kysely, sql } from 'kysely';

/**
 * What several server processes on one database must share:
 * - idempotency keys are now claimed in the write's own transaction, so a stored key always has its answer;
 *   claims left "in progress" by a process that died under the old scheme are dropped (their retry runs again);
 * - rate-limit windows (fixed windows per budget and key), so a limit holds across every process;
 * - job runs: one row per job and period, claimed by the first process to get there, so a job runs once.
 */
const statements: readonly string[] = [
  'delete from idempotency_keys where status = 0',
  `create table rate_limit_windows (
    bucket text not null,
    key text not null,
    count integer not null,
    reset_at timestamptz not null,
    primary key (bucket, key)
  )`,
  'create index rate_limit_windows_reset_idx on rate_limit_windows (reset_at)',
  `create table job_runs (
    job text not null,
    period_start timestamptz not null,
    process text not null,
    started_at timestamptz not null,
    finished_at timestamptz,
    outcome jsonb,
    primary key (job, period_start)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
