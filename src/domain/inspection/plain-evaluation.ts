import { type GateActor, planStageChange } from '../gates/plan-stage-change.js';
import { findPipeline, forwardPath, openStages } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
import { scoreMeddpicc } from '../qualification/meddpicc-score.js';
import { businessDaysBetween } from './business-days.js';
import type { PlainDeal } from './columns-from-deals.js';
import { fixFirst } from './fix-first.js';
import { assessHealth } from './health.js';
import { classifyVelocity } from './velocity.js';

/** Who asks the gate about the next forward move: nobody who may override or reopen. */
const INSPECTOR: GateActor = { id: 'inspection', canOverride: false, canReopen: false };

/**
 * The plain evaluators on one deal, composed as assessDeal (src/app/inspection/assess-deal.ts) composes them,
 * plus the gate of the next forward move (null for a closed deal): what evaluateFast must agree with.
 */
export function evaluatePlainly(
  playbook: Playbook,
  expectedDays: Readonly<Record<string, Readonly<Record<string, number>>>>,
  deal: PlainDeal,
  now: Date,
) {
  const { facts } = deal;
  const pipeline = findPipeline(playbook, facts.pipeline);
  if (!pipeline) throw new Error(`deal is in unknown pipeline ${facts.pipeline}`);
  const history =
    deal.history.length > 0
      ? deal.history
      : [{ toStage: facts.stage, kind: 'create' as const, at: deal.stageEnteredAt }];
  const expected = expectedDays[pipeline.key] ?? {};
  const velocity = classifyVelocity({
    history,
    expectedDays: expected,
    settings: playbook.inspection.velocity,
    snooze: deal.snooze,
    now,
  });
  const stages = openStages(pipeline);
  const position = stages.findIndex((stage) => stage.key === facts.stage);
  const next = stages[position + 1];
  const restOfStage = Math.max(0, (velocity.expectedDays ?? 0) - velocity.daysInStage);
  const health = assessHealth(playbook, pipeline, {
    pipeline: pipeline.key,
    stage: facts.stage,
    meddpicc: facts.meddpicc,
    poc: facts.poc
      ? { status: facts.poc.status, reasons: facts.poc.reasons }
      : { status: 'none', reasons: [] },
    closeDate: facts.closeDate,
    ...deal.signals,
    pushCount: deal.pushCount,
    businessDaysToClose: businessDaysBetween(now, new Date(`${facts.closeDate}T12:00:00Z`)),
    expectedBusinessDaysThroughNext: restOfStage + (next ? (expected[next.key] ?? 0) : 0),
    daysInStage: velocity.daysInStage,
    expectedDaysInStage: velocity.expectedDays,
    lastActivity: deal.lastActivity,
    createdAt: deal.createdAt,
    now,
  });
  const path = forwardPath(pipeline);
  const to = position >= 0 ? path[path.findIndex((stage) => stage.key === facts.stage) + 1] : undefined;
  return {
    gate: to ? planStageChange(playbook, facts, { to: to.key }, INSPECTOR, now) : null,
    velocity,
    health,
    meddpicc: scoreMeddpicc(playbook, pipeline, facts.stage, facts.meddpicc),
    fixFirst: fixFirst(playbook, health, velocity),
  };
}
