import type { Pipeline, StageOutcome } from '../playbook/playbook.js';

/** A deal entering a stage (its creation, or a stage change), from the stage-change history. */
export interface StageEntry {
  opportunityId: string;
  stage: string;
  at: Date;
}

export interface FunnelStage {
  stage: string;
  name: string;
  /** Deals that ever entered the stage. */
  entered: number;
  /** Of those, deals that later reached the next stage or beyond (a lost stage is never beyond). */
  advanced: number;
  /** advanced / entered, in percent (one decimal); null when no deal entered. */
  conversion: number | null;
  /** Median days of the completed stays in the stage (entered, then left); null without any. */
  medianDays: number | null;
  completedStays: number;
  /** Closed deals that were ever in the stage, and how many of them were won. */
  closed: number;
  won: number;
  /** won / closed, in percent (one decimal): the history's win rate; null without closed deals. */
  calibratedWinRate: number | null;
  /** The playbook's fixed probability of the stage: the one forecasts use, never replaced by the calibrated rate. */
  playbookProbability: number;
}

export interface Funnel {
  pipeline: { key: string; name: string };
  deals: number;
  stages: FunnelStage[];
}

const DAY = 86_400_000;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return oneDecimal(value);
}

/**
 * The pipeline's funnel from its history: per open stage (in the playbook's order) the stage-to-stage
 * conversion, the median days a stay lasts, and the win rate of the closed deals that were ever in it beside
 * the playbook's probability. `currentStage` is each deal's stage now (which says whether it closed, and how).
 */
export function buildFunnel(
  pipeline: Pipeline,
  entries: readonly StageEntry[],
  currentStage: ReadonlyMap<string, string>,
): Funnel {
  const index = new Map(pipeline.stages.map((stage, position) => [stage.key, position] as const));
  const outcome = new Map<string, StageOutcome>(pipeline.stages.map((stage) => [stage.key, stage.outcome]));
  const byDeal = new Map<string, StageEntry[]>();
  for (const entry of entries) {
    if (!index.has(entry.stage)) continue;
    byDeal.set(entry.opportunityId, [...(byDeal.get(entry.opportunityId) ?? []), entry]);
  }
  const stats = new Map(
    pipeline.stages.map((stage) => [
      stage.key,
      { entered: 0, advanced: 0, stays: [] as number[], closed: 0, won: 0 },
    ]),
  );
  for (const [deal, dealEntries] of byDeal) {
    const path = [...dealEntries].sort((a, b) => a.at.getTime() - b.at.getTime());
    const ending = outcome.get(currentStage.get(deal) ?? '') ?? 'open';
    const seen = new Set<string>();
    path.forEach((entry, position) => {
      const stat = stats.get(entry.stage);
      if (!stat) return;
      const next = path[position + 1];
      if (next) stat.stays.push((next.at.getTime() - entry.at.getTime()) / DAY);
      if (seen.has(entry.stage)) return;
      seen.add(entry.stage);
      stat.entered += 1;
      const here = index.get(entry.stage) as number;
      const reachedBeyond = path
        .slice(position + 1)
        .some((later) => (index.get(later.stage) as number) > here && outcome.get(later.stage) !== 'lost');
      if (reachedBeyond) stat.advanced += 1;
      if (ending !== 'open') {
        stat.closed += 1;
        if (ending === 'won') stat.won += 1;
      }
    });
  }
  const stages = pipeline.stages
    .filter((stage) => stage.outcome === 'open')
    .map((stage): FunnelStage => {
      const stat = stats.get(stage.key) ?? { entered: 0, advanced: 0, stays: [], closed: 0, won: 0 };
      return {
        stage: stage.key,
        name: stage.name,
        entered: stat.entered,
        advanced: stat.advanced,
        conversion: stat.entered > 0 ? oneDecimal((stat.advanced / stat.entered) * 100) : null,
        medianDays: median(stat.stays),
        completedStays: stat.stays.length,
        closed: stat.closed,
        won: stat.won,
        calibratedWinRate: stat.closed > 0 ? oneDecimal((stat.won / stat.closed) * 100) : null,
        playbookProbability: stage.probability,
      };
    });
  return { pipeline: { key: pipeline.key, name: pipeline.name }, deals: byDeal.size, stages };
}
