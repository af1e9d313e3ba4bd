import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Claims a job's period for one process: the first insert wins, every other process gets false. The claim
 * commits at once — a process that dies mid-run leaves its period claimed (`finished_at` null), and the job
 * runs again in the next period.
 */
export async function claimJobRun(
  db: Kysely<Database>,
  run: { job: string; periodStart: Date; process: string; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('job_runs')
    .values({ job: run.job, period_start: run.periodStart, process: run.process, started_at: run.at })
    .onConflict((conflict) => conflict.columns(['job', 'period_start']).doNothing())
    .returning('job')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function finishJobRun(
  db: Kysely<Database>,
  run: { job: string; periodStart: Date; at: Date; outcome: Record<string, number> },
): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: run.at, outcome: JSON.stringify(run.outcome) })
    .where('job', '=', run.job)
    .where('period_start', '=', run.periodStart)
    .execute();
}

/** Forgets the runs that started before `before` (housekeeping keeps a week of them). */
export async function deleteJobRunsBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('job_runs').where('started_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
