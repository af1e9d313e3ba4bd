import { deleteIdempotencyKeysBefore } from '../../db/repositories/idempotency-repo.js';
import { deleteImportUploadsBefore } from '../../db/repositories/import-uploads-repo.js';
import { deleteJobRunsBefore } from '../../db/repositories/job-runs-repo.js';
import { deleteEndedRateWindows } from '../../db/repositories/rate-limit-repo.js';
import type { AppContext } from '../context.js';
import type { Job } from './run-jobs.js';

const HOUR = 3_600_000;
/** How long a create's Idempotency-Key answers a retry (as Stripe: a day). */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * HOUR;
const JOB_RUNS_KEPT_MS = 7 * 24 * HOUR;
/** How long a file uploaded for an import is kept for its runs (a dry run, then the import). */
export const IMPORT_UPLOAD_LIFETIME_MS = 24 * HOUR;

/**
 * Deletes what has served its time: ended rate-limit windows, day-old idempotency keys and import uploads,
 * week-old job runs.
 */
export const housekeeping: Job = {
  name: 'housekeeping',
  async run(context: AppContext) {
    const now = context.now();
    return {
      rateLimitWindows: await deleteEndedRateWindows(context.db, now),
      idempotencyKeys: await deleteIdempotencyKeysBefore(
        context.db,
        new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS),
      ),
      jobRuns: await deleteJobRunsBefore(context.db, new Date(now.getTime() - JOB_RUNS_KEPT_MS)),
      importUploads: await deleteImportUploadsBefore(
        context.db,
        new Date(now.getTime() - IMPORT_UPLOAD_LIFETIME_MS),
      ),
    };
  },
};
