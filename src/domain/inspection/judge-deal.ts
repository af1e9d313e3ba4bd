import { openStages } from '../playbook/lookup.js';
import type { Pipeline, Playbook } from '../playbook/playbook.js';
import type { MeddpiccState } from '../qualification/meddpicc.js';
import { scoreMeddpicc } from '../qualification/meddpicc-score.js';
import { businessDaysBetween } from './business-days.js';
import { fixFirst } from './fix-first.js';
import { assessHealth } from './health.js';
import type { HealthFacts } from './health-facts.js';
import type { StageChangeFact } from './stage-intervals.js';
import { classifyVelocity, type StallSnooze } from './velocity.js';

/** What one open deal is judged on: its stage and history, qualification and the signals health reads. */
export interface DealToJudge {
  stage: string;
  closeDate: string;
  /** Oldest first; empty: in its stage since `stageEnteredAt` (a deal loaded without history, e.g. imported). */
  history: readonly StageChangeFact[];
  stageEnteredAt: Date;
  snooze: StallSnooze | null;
  meddpicc: MeddpiccState;
  poc: HealthFacts['poc'] | null;
  signals: Pick<HealthFacts, 'closeDateChanges' | 'stakeholderChanges' | 'overrides'>;
  pushCount: number;
  lastActivity: { at: Date; kind: string } | null;
  createdAt: Date;
}

/**
 * Velocity, health, MEDDPICC score and what to fix first of one deal against its pipeline's expected business
 * days per stage: the plain evaluators composed once, for the stored inspection and the fast path's check.
 */
export function judgeDeal(
  playbook: Playbook,
  pipeline: Pipeline,
  expectedDays: Readonly<Record<string, number>>,
  deal: DealToJudge,
  now: Date,
) {
  const history =
    deal.history.length > 0
      ? deal.history
      : [{ toStage: deal.stage, kind: 'create' as const, at: deal.stageEnteredAt }];
  const velocity = classifyVelocity({
    history,
    expectedDays,
    stageNames: Object.fromEntries(pipeline.stages.map((stage) => [stage.key, stage.name])),
    settings: playbook.inspection.velocity,
    snooze: deal.snooze,
    now,
  });
  const stages = openStages(pipeline);
  const next = stages[stages.findIndex((stage) => stage.key === deal.stage) + 1];
  const restOfStage = Math.max(0, (velocity.expectedDays ?? 0) - velocity.daysInStage);
  const health = assessHealth(playbook, pipeline, {
    pipeline: pipeline.key,
    stage: deal.stage,
    meddpicc: deal.meddpicc,
    poc: deal.poc ?? { status: 'none', reasons: [] },
    closeDate: deal.closeDate,
    ...deal.signals,
    pushCount: deal.pushCount,
    businessDaysToClose: businessDaysBetween(now, new Date(`${deal.closeDate}T12:00:00Z`)),
    expectedBusinessDaysThroughNext: restOfStage + (next ? (expectedDays[next.key] ?? 0) : 0),
    daysInStage: velocity.daysInStage,
    expectedDaysInStage: velocity.expectedDays,
    lastActivity: deal.lastActivity,
    createdAt: deal.createdAt,
    now,
  });
  return {
    velocity,
    health,
    meddpicc: scoreMeddpicc(playbook, pipeline, deal.stage, deal.meddpicc),
    fixFirst: fixFirst(playbook, health, velocity),
  };
}
