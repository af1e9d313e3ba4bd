import type { Pipeline } from '../playbook/playbook.js';
import { median } from './business-days.js';
import { type StageChangeFact, stageIntervals } from './stage-intervals.js';

export interface ExpectedDurations {
  /** Where the numbers come from: the playbook until enough deals of the pipeline have closed. */
  source: 'playbook' | 'history';
  closedDeals: number;
  /** Expected business days per open stage. */
  days: Record<string, number>;
}

/**
 * Expected business days per stage: the playbook's until `threshold` closed deals of the pipeline exist,
 * then the median time those deals spent in each stage they left forward (a stage without samples keeps
 * the playbook's number).
 */
export function expectedDurations(
  pipeline: Pipeline,
  closedHistories: ReadonlyArray<readonly StageChangeFact[]>,
  threshold: number,
): ExpectedDurations {
  const fromPlaybook = Object.fromEntries(
    pipeline.stages
      .filter((stage) => stage.outcome === 'open')
      .map((stage) => [stage.key, stage.expectedDays ?? 10]),
  );
  if (closedHistories.length < threshold) {
    return { source: 'playbook', closedDeals: closedHistories.length, days: fromPlaybook };
  }
  const samples = new Map<string, number[]>();
  for (const history of closedHistories) {
    const last = history.at(-1)?.at ?? new Date(0);
    for (const interval of stageIntervals(history, last)) {
      if (interval.leftBy !== 'advance' && interval.leftBy !== 'close_won') continue;
      samples.set(interval.stage, [...(samples.get(interval.stage) ?? []), interval.businessDays]);
    }
  }
  const days = Object.fromEntries(
    Object.entries(fromPlaybook).map(([stage, fallback]) => {
      const seen = samples.get(stage);
      return [stage, seen && seen.length > 0 ? Math.max(1, median(seen)) : fallback];
    }),
  );
  return { source: 'history', closedDeals: closedHistories.length, days };
}
