import { claimJobRun, finishJobRun } from '../../db/repositories/job-runs-repo.js';
import type { AppContext } from '../context.js';

/** A background job: what it did is a few counts, stored with its run. */
export interface Job {
  name: string;
  run: (context: AppContext) => Promise<Record<string, number>>;
}

/** The start of the period `at` falls in, periods being `periodMs` long from the epoch (the same in every process). */
export const periodStartOf = (at: Date, periodMs: number) =>
  new Date(Math.floor(at.getTime() / periodMs) * periodMs);

/**
 * Runs `job` if no process has run it in the current period: however many server processes tick, the claim
 * in job_runs lets exactly one of them run it. Answers whether this process ran it.
 */
export async function runOncePerPeriod(
  context: AppContext,
  job: Job,
  options: { periodMs: number; process: string },
): Promise<boolean> {
  const periodStart = periodStartOf(context.now(), options.periodMs);
  const claimed = await claimJobRun(context.db, {
    job: job.name,
    periodStart,
    process: options.process,
    at: context.now(),
  });
  if (!claimed) return false;
  const outcome = await job.run(context);
  await finishJobRun(context.db, { job: job.name, periodStart, at: context.now(), outcome });
  return true;
}

/**
 * Ticks every job a few times per period (so a period is not missed when its first tick lands on a busy
 * process); a failed run is logged, never thrown. The timer does not keep the process alive. Returns stop().
 */
export function scheduleJobs(
  context: AppContext,
  jobs: readonly Job[],
  options: { periodMs: number; process: string; onError: (job: Job, error: unknown) => void },
): () => void {
  const tick = () => {
    for (const job of jobs) {
      runOncePerPeriod(context, job, options).catch((error: unknown) => options.onError(job, error));
    }
  };
  const timer = setInterval(tick, Math.max(250, Math.floor(options.periodMs / 4)));
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
