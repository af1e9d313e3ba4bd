import { systemActor } from '../access/actors.js';
import type { AppContext } from '../context.js';
import { takeWeeklySnapshot } from '../forecast-changes/take-snapshot.js';
import type { Job } from './run-jobs.js';

/** Snapshots every open deal once a week (Monday UTC onwards), for "what changed"; on-demand ones count. */
export const weeklySnapshot: Job = {
  name: 'weekly-snapshot',
  async run(context: AppContext) {
    const snapshot = await takeWeeklySnapshot(context, systemActor('weekly-snapshot'));
    return { snapshotDeals: snapshot?.deals ?? 0, taken: snapshot ? 1 : 0 };
  },
};
