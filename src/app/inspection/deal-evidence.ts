import type { Kysely } from 'kysely';
import { listLastActivityAt } from '../../db/repositories/activities-repo.js';
import type { DealHead } from '../../db/repositories/deal-heads-repo.js';
import { readExpectations, saveExpectations } from '../../db/repositories/deal-inspections-repo.js';
import { listEventsOfDeals, type StoredEvent } from '../../db/repositories/events-repo.js';
import {
  type CustomerRecord,
  listClosedHistories,
  listCustomerRecords,
  listMeddpiccOfDeals,
  listStageHistories,
} from '../../db/repositories/inspection-repo.js';
import { findPocPlans } from '../../db/repositories/poc-repo.js';
import { pushCountsOf } from '../../db/repositories/push-count-repo.js';
import type { Database } from '../../db/schema.js';
import { expectedDurations } from '../../domain/inspection/expected-durations.js';
import type { StageChangeFact } from '../../domain/inspection/stage-intervals.js';
import { findPipeline } from '../../domain/playbook/lookup.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { assessPoc, type PocAssessment } from '../../domain/poc/assess-poc.js';
import type { MeddpiccState } from '../../domain/qualification/meddpicc.js';

/** Everything inspection judges one deal on, loaded in a few queries for many deals at once. */
export interface DealEvidence {
  deal: DealHead;
  meddpicc: MeddpiccState;
  history: StageChangeFact[];
  /** Updates, MEDDPICC changes and stage changes: where pushes, stakeholder changes and overrides show. */
  events: StoredEvent[];
  /** The account's self-serve usage and recorded contracts: its class, and what a renewal renews. */
  customer: CustomerRecord;
  poc: PocAssessment | null;
  /** The last activity that took place on the deal, if any. */
  lastActivity: { at: Date; kind: string } | null;
  /** Times the close date was pushed into a later month (stored on the deal). */
  pushCount: number;
}

export const SIGNAL_ACTIONS = [
  'opportunity.created',
  'opportunity.updated',
  'opportunity.meddpicc_updated',
  'opportunity.stage_changed',
];
const CLOSED_SAMPLE = 500;

export async function loadDealEvidence(
  db: Kysely<Database>,
  deals: readonly DealHead[],
  now: Date,
  /** The playbook's POC results session (a POC succeeds once it is held). */
  resultsSession: string | undefined,
): Promise<DealEvidence[]> {
  const ids = deals.map((deal) => deal.id);
  const meddpicc = await listMeddpiccOfDeals(db, ids);
  const histories = await listStageHistories(db, ids);
  const events = await listEventsOfDeals(db, ids, SIGNAL_ACTIONS);
  const customers = await listCustomerRecords(db, [...new Set(deals.map((deal) => deal.accountId))]);
  const pocs = await findPocPlans(db, ids);
  const lastActivities = await listLastActivityAt(db, ids, now);
  const pushCounts = await pushCountsOf(db, ids);
  return deals.map((deal) => ({
    deal,
    meddpicc: meddpicc.get(deal.id) ?? {},
    history: histories.get(deal.id) ?? [],
    events: (events.get(deal.id) ?? []).filter((event) => event.occurredAt <= now),
    customer: customers.get(deal.accountId) ?? { selfServeUsage: false, contracts: [] },
    poc: pocs.has(deal.id) ? assessPoc(pocs.get(deal.id) ?? null, resultsSession) : null,
    lastActivity: lastActivities.get(deal.id) ?? null,
    pushCount: pushCounts.get(deal.id) ?? 0,
  }));
}

/**
 * Expected stage durations per pipeline: the playbook's, or the medians of recently closed deals — as the refresh
 * job last kept them for this playbook version, else computed now (and kept when `keepAt` is given: a write's
 * transaction keeps them so the next write reads one row instead of hundreds of closed histories).
 */
export async function loadExpectedDurations(
  db: Kysely<Database>,
  playbook: Playbook,
  pipelineKeys: Iterable<string>,
  options: { playbookVersion?: number | undefined; keepAt?: Date } = {},
) {
  const version = options.playbookVersion ?? 0;
  const keys = [...new Set(pipelineKeys)].filter((key) => findPipeline(playbook, key));
  const expected = await readExpectations(db, keys, version);
  for (const key of keys) {
    if (expected.has(key)) continue;
    const computed = await computeExpectedDurations(db, playbook, key);
    if (!computed) continue;
    if (options.keepAt) await saveExpectations(db, key, computed, options.keepAt, version);
    expected.set(key, computed);
  }
  return expected;
}

/** A pipeline's expected durations from the playbook and its most recently closed deals' histories. */
export async function computeExpectedDurations(
  db: Kysely<Database>,
  playbook: Playbook,
  pipelineKey: string,
) {
  const pipeline = findPipeline(playbook, pipelineKey);
  if (!pipeline) return null;
  const closed = await listClosedHistories(db, pipelineKey, CLOSED_SAMPLE);
  return expectedDurations(pipeline, closed, playbook.inspection.velocity.historyThreshold);
}
