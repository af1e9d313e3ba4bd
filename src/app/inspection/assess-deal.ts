import { judgeTypeFit, type TypeFit } from '../../domain/account/type-fit.js';
import { activeCommitContract, dayOf, previousCommitContract } from '../../domain/contract/contract.js';
import { checkRenewalUplift, type UpliftVerdict } from '../../domain/contract/renewal-uplift.js';
import type { ExpectedDurations } from '../../domain/inspection/expected-durations.js';
import type { FixFirst } from '../../domain/inspection/fix-first.js';
import type { Health } from '../../domain/inspection/health.js';
import { judgeDeal } from '../../domain/inspection/judge-deal.js';
import type { Velocity } from '../../domain/inspection/velocity.js';
import { findPipeline } from '../../domain/playbook/lookup.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import type { MeddpiccScore } from '../../domain/qualification/meddpicc-score.js';
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
  const judged = judgeDeal(
    playbook,
    pipeline,
    expected.days,
    {
      stage: deal.stage,
      closeDate: deal.closeDate,
      history: evidence.history,
      stageEnteredAt: deal.stageEnteredAt,
      snooze: deal.stallSnooze && {
        until: new Date(`${deal.stallSnooze.until}T00:00:00Z`),
        reason: deal.stallSnooze.reason,
      },
      meddpicc: evidence.meddpicc,
      poc: evidence.poc && { status: evidence.poc.status, reasons: evidence.poc.reasons },
      signals: historySignals(playbook, evidence.events),
      pushCount: evidence.pushCount,
      lastActivity: evidence.lastActivity,
      createdAt: deal.createdAt,
    },
    now,
  );
  return {
    opportunityId: deal.id,
    health: judged.health,
    velocity: judged.velocity,
    expected: { source: expected.source, closedDeals: expected.closedDeals },
    meddpicc: judged.meddpicc,
    customer: assessCustomer(playbook, evidence, now),
    fixFirst: judged.fixFirst,
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
