import type { AppContext } from '../../src/app/context.js';
import { storeInspections } from '../../src/app/inspection/store-inspections.js';
import { newId } from '../../src/app/open-app.js';
import { insertOpportunities } from '../../src/db/repositories/opportunities-repo.js';
import type { Opportunity } from '../../src/domain/opportunity/opportunity.js';
import { deriveStageFacts } from '../../src/domain/opportunity/stage-facts.js';

/**
 * An open new-business deal as a bulk path writes it (no history rows): in `stage` since `stageEnteredAt`, so its
 * velocity is judged from that day. Many of them are cheap to insert with insertStoredDeals.
 */
export function plainDeal(
  context: AppContext,
  fields: Partial<Opportunity> & { ownerId: string; accountId: string },
): Opportunity {
  const now = context.now();
  const facts = deriveStageFacts(context.playbook, 'new_business', fields.stage ?? 'created');
  return {
    id: newId('opp'),
    name: 'Bulk deal',
    type: 'new_business',
    ...facts,
    amountMinor: 10_000_00,
    currency: 'USD',
    closeDate: '2027-06-30',
    createdBy: null,
    source: 'ae',
    nextStep: null,
    description: null,
    lossReason: null,
    winningCompetitor: null,
    stageEnteredAt: now,
    stallSnooze: null,
    closedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** Inserts the deals in batches and stores their inspections in one call (as a bulk write path does). */
export async function insertStoredDeals(context: AppContext, deals: readonly Opportunity[]): Promise<void> {
  for (let start = 0; start < deals.length; start += 500) {
    await insertOpportunities(context.db, deals.slice(start, start + 500));
  }
  await storeInspections(
    context,
    context.db,
    deals.map((deal) => deal.id),
  );
}
