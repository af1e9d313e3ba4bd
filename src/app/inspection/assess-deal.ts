import { checkTypeForCustomer, type TypeFit } from '../../domain/account/customer-class.js';
import { businessDaysBetween } from '../../domain/inspection/business-days.js';
import type { ExpectedDurations } from '../../domain/inspection/expected-durations.js';
import { assessHealth, type Health } from '../../domain/inspection/health.js';
import { classifyVelocity, type Velocity } from '../../domain/inspection/velocity.js';
import { findPipeline, openStages } from '../../domain/playbook/lookup.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { type MeddpiccScore, scoreMeddpicc } from '../../domain/qualification/meddpicc-score.js';
import type { DealEvidence } from './deal-evidence.js';
import { historySignals } from './gather-health-facts.js';

export interface Inspection {
  opportunityId: string;
  health: Health;
  velocity: Velocity;
  expected: Pick<ExpectedDurations, 'source' | 'closedDeals'>;
  meddpicc: MeddpiccScore;
  customer: TypeFit;
}

/** Health, velocity, MEDDPICC score and customer fit of one deal from its evidence (no I/O). */
export function assessDeal(
  playbook: Playbook,
  expected: ExpectedDurations,
  evidence: DealEvidence,
  now: Date,
): Inspection {
  const { deal } = evidence;
  const pipeline = findPipeline(playbook, deal.pipeline);
  if (!pipeline) throw new Error(`deal ${deal.id} is in unknown pipeline ${deal.pipeline}`);
  // A deal loaded without its history (e.g. bulk-imported) has at least been in its stage since stageEnteredAt.
  const history =
    evidence.history.length > 0
      ? evidence.history
      : [{ toStage: deal.stage, kind: 'create' as const, at: deal.stageEnteredAt }];
  const velocity = classifyVelocity({
    history,
    expectedDays: expected.days,
    settings: playbook.inspection.velocity,
    snooze: deal.stallSnooze && {
      until: new Date(`${deal.stallSnooze.until}T00:00:00Z`),
      reason: deal.stallSnooze.reason,
    },
    now,
  });
  const stages = openStages(pipeline);
  const remaining = stages.slice(
    Math.max(
      0,
      stages.findIndex((stage) => stage.key === deal.stage),
    ),
  );
  const expectedToClose = remaining.reduce((sum, stage) => sum + (expected.days[stage.key] ?? 0), 0);
  const health = assessHealth(playbook, pipeline, {
    pipeline: pipeline.key,
    stage: deal.stage,
    meddpicc: evidence.meddpicc,
    poc: evidence.poc
      ? { status: evidence.poc.status, reasons: evidence.poc.reasons }
      : { status: 'none', reasons: [] },
    closeDate: deal.closeDate,
    ...historySignals(evidence.events),
    businessDaysToClose: businessDaysBetween(now, new Date(`${deal.closeDate}T12:00:00Z`)),
    expectedBusinessDaysToClose: Math.max(0, expectedToClose - velocity.daysInStage),
    now,
  });
  return {
    opportunityId: deal.id,
    health,
    velocity,
    expected: { source: expected.source, closedDeals: expected.closedDeals },
    meddpicc: scoreMeddpicc(playbook, pipeline, deal.stage, evidence.meddpicc),
    customer: checkTypeForCustomer(playbook, deal.type, evidence.customer),
  };
}
