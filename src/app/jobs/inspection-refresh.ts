import { refreshInspections } from '../inspection/refresh-inspections.js';
import { type Job, periodStartOf } from './run-jobs.js';

const DAY = 86_400_000;

/**
 * The stored inspections refreshed for the passing of time: every row computed before today (UTC) is
 * recomputed. Scheduled hourly: the first run after midnight does the work, later ones finish a run that
 * stopped half-way (the rows left are the cursor) or find nothing to do.
 */
export const inspectionRefresh: Job = {
  name: 'inspection-refresh',
  async run(context) {
    const outcome = await refreshInspections(context, { asOf: periodStartOf(context.now(), DAY) });
    return { ...outcome };
  },
};
