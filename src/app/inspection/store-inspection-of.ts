import type { Kysely } from 'kysely';
import { upsertInspections } from '../../db/repositories/deal-inspections-repo.js';
import { listEventsOfDeals } from '../../db/repositories/events-repo.js';
import { listStageHistories } from '../../db/repositories/inspection-repo.js';
import { pushCountsOf } from '../../db/repositories/push-count-repo.js';
import type { Database } from '../../db/schema.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { assessPoc } from '../../domain/poc/assess-poc.js';
import type { AppContext } from '../context.js';
import type { Qualification } from '../opportunities/load-opportunity-facts.js';
import { type DealEvidence, SIGNAL_ACTIONS } from './deal-evidence.js';
import { inspectionsToStore } from './store-inspections.js';

/**
 * `storeInspections` for one open deal whose qualification the use case has just read (a stage change): the
 * MEDDPICC, POC, account and activities come from it, so only the history, the signal events and the push count
 * are read again (after the use case wrote them) — three reads instead of ten. The same evidence, so the same
 * stored verdict (stored-inspection.test.ts compares it with a fresh inspection).
 */
export async function storeInspectionOf(
  context: AppContext,
  db: Kysely<Database>,
  deal: Opportunity,
  qualification: Qualification,
): Promise<void> {
  const now = context.now();
  const histories = await listStageHistories(db, [deal.id]);
  const events = await listEventsOfDeals(db, [deal.id], SIGNAL_ACTIONS);
  const pushCounts = await pushCountsOf(db, [deal.id]);
  const last = qualification.activities.at(-1);
  const evidence: DealEvidence = {
    deal,
    meddpicc: Object.fromEntries(
      qualification.meddpicc.map(({ element, level, summary, contactId }) => [
        element,
        { level, summary, contactId },
      ]),
    ),
    history: histories.get(deal.id) ?? [],
    events: (events.get(deal.id) ?? []).filter((event) => event.occurredAt <= now),
    customer: qualification.customer,
    poc: qualification.poc
      ? assessPoc(qualification.poc, context.playbook.inspection.poc?.resultsSession)
      : null,
    lastActivity: last ? { at: last.occurredAt, kind: last.kind } : null,
    pushCount: pushCounts.get(deal.id) ?? 0,
  };
  await upsertInspections(db, await inspectionsToStore(context, db, [evidence], now));
}
