import { judgeTypeFit, type TypeFit } from '../../domain/account/type-fit.js';
import { activeCommitContract, dayOf, previousCommitContract } from '../../domain/contract/contract.js';
import { checkRenewalUplift, type UpliftVerdict } from '../../domain/contract/renewal-uplift.js';
import { businessDaysBetween } from '../../domain/inspection/business-days.js';
import type { ExpectedDurations } from '../../domain/inspection/expected-durations.js';
import { type FixFirst, fixFirst } from '../../domain/inspection/fix-first.js';
import { assessHealth, type Health } from '../../domain/inspection/health.js';
import { classifyVelocity, type Velocity } from '../../domain/inspection/velocity.js';
import { findPipeline, openStages } from '../../domain/playbook/lookup.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { type MeddpiccScore, scoreMeddpicc } from '../../domain/qualification/meddpicc-score.js';
import type { DealEvidence } from './deal-evidence.js';
import { historySignals } from './gather-health-facts.js';

/** The account's class today, whether the deal's type suits it and, for Renewal/Expansion, the TCV uplift verdict. */
export interface CustomerFit extends TypeFit {
  /** The commit contract in force today (what makes a Commit Customer), if any. */
  activeContract: {
    id: string;
    startDate: string;
    endDate: string;
    tcvMinor: number;
    currency: string;
  } | null;
  /** Renewal vs Expansion by TCV uplift over the previous contract; null for other types. */
  uplift: UpliftVerdict | null;
}

export interface Inspection {
  opportunityId: string;
  health: Health;
  velocity: Velocity;
  expected: Pick<ExpectedDurations, 'source' | 'closedDeals'>;
  meddpicc: MeddpiccScore;
  customer: CustomerFit;
  /** The one thing to fix first when the deal is in trouble (or has risks); null for a deal without any. */
  fixFirst: FixFirst | null;
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
    stageNames: Object.fromEntries(pipeline.stages.map((stage) => [stage.key, stage.name])),
    settings: playbook.inspection.velocity,
    snooze: deal.stallSnooze && {
      until: new Date(`${deal.stallSnooze.until}T00:00:00Z`),
      reason: deal.stallSnooze.reason,
    },
    now,
  });
  const stages = openStages(pipeline);
  const next = stages[stages.findIndex((stage) => stage.key === deal.stage) + 1];
  const restOfStage = Math.max(0, (velocity.expectedDays ?? 0) - velocity.daysInStage);
  const health = assessHealth(playbook, pipeline, {
    pipeline: pipeline.key,
    stage: deal.stage,
    meddpicc: evidence.meddpicc,
    poc: evidence.poc
      ? { status: evidence.poc.status, reasons: evidence.poc.reasons }
      : { status: 'none', reasons: [] },
    closeDate: deal.closeDate,
    ...historySignals(playbook, evidence.events),
    pushCount: evidence.pushCount,
    businessDaysToClose: businessDaysBetween(now, new Date(`${deal.closeDate}T12:00:00Z`)),
    expectedBusinessDaysThroughNext: restOfStage + (next ? (expected.days[next.key] ?? 0) : 0),
    daysInStage: velocity.daysInStage,
    expectedDaysInStage: velocity.expectedDays,
    lastActivity: evidence.lastActivity,
    createdAt: deal.createdAt,
    now,
  });
  return {
    opportunityId: deal.id,
    health,
    velocity,
    expected: { source: expected.source, closedDeals: expected.closedDeals },
    meddpicc: scoreMeddpicc(playbook, pipeline, deal.stage, evidence.meddpicc),
    customer: assessCustomer(playbook, evidence, now),
    fixFirst: fixFirst(playbook, health, velocity),
  };
}

function assessCustomer(playbook: Playbook, { deal, customer }: DealEvidence, now: Date): CustomerFit {
  const today = dayOf(now);
  const active = activeCommitContract(customer.contracts, today);
  return {
    ...judgeTypeFit(playbook, deal.type, customer, today, deal.id),
    activeContract: active && {
      id: active.id,
      startDate: active.startDate,
      endDate: active.endDate,
      tcvMinor: active.tcvMinor,
      currency: active.currency,
    },
    uplift: checkRenewalUplift(
      playbook,
      deal,
      previousCommitContract(customer.contracts, deal.id, deal.createdAt),
    ),
  };
}
