import type { Kysely } from 'kysely';
import { type DealHead, findOpenDealHeads } from '../../db/repositories/deal-heads-repo.js';
import {
  deleteInspections,
  type InspectionToStore,
  upsertInspections,
} from '../../db/repositories/deal-inspections-repo.js';
import type { Database } from '../../db/schema.js';
import { storedVerdict } from '../../domain/inspection/stored-verdict.js';
import type { AppContext } from '../context.js';
import { assessDeal, type Inspection } from './assess-deal.js';
import { type DealEvidence, loadDealEvidence, loadExpectedDurations } from './deal-evidence.js';

/** What a stored inspection keeps of the verdict in words: all of it but the customer fit (contracts and today). */
export type StoredDetail = Omit<Inspection, 'opportunityId' | 'customer'>;

/**
 * Recomputes and stores the inspection of these deals from what `db` sees — a use case's transaction, after its
 * own writes, so the stored verdict is the one a fresh inspection gives (decision 024). Deals no longer open lose
 * their row. Each use case that changes what inspection reads calls it as its last write.
 */
export async function storeInspections(
  context: AppContext,
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const now = context.now();
  const heads = await findOpenDealHeads(db, unique);
  const open = new Set(heads.map((head) => head.id));
  await deleteInspections(
    db,
    unique.filter((id) => !open.has(id)),
  );
  await upsertInspections(db, await inspectionsOfDeals(context, db, heads, now));
}

/** The inspections of these open deals as rows to store, from what `db` sees at `now`. */
export async function inspectionsOfDeals(
  context: AppContext,
  db: Kysely<Database>,
  heads: readonly DealHead[],
  now: Date,
): Promise<InspectionToStore[]> {
  const evidence = await loadDealEvidence(db, heads, now, context.playbook.inspection.poc?.resultsSession);
  return inspectionsToStore(context, db, evidence, now);
}

/** Each deal's inspection as stored rows (the pipelines' expected durations read, or computed and kept). */
export async function inspectionsToStore(
  context: AppContext,
  db: Kysely<Database>,
  evidence: readonly DealEvidence[],
  now: Date,
): Promise<InspectionToStore[]> {
  const playbookVersion = context.playbookVersion ?? 0;
  const expected = await loadExpectedDurations(
    db,
    context.playbook,
    evidence.map((item) => item.deal.pipeline),
    { playbookVersion, keepAt: now },
  );
  return evidence.flatMap(({ deal, ...rest }): InspectionToStore[] => {
    const durations = expected.get(deal.pipeline);
    if (!durations) return [];
    const {
      opportunityId: _id,
      customer: _customer,
      ...detail
    } = assessDeal(context.playbook, durations, { deal, ...rest }, now);
    return [
      {
        opportunityId: deal.id,
        ownerId: deal.ownerId,
        createdBy: deal.createdBy,
        pipeline: deal.pipeline,
        forecastCategory: deal.forecastCategory,
        amountMinor: deal.amountMinor,
        currency: deal.currency,
        closeDate: deal.closeDate,
        ...storedVerdict(detail.health, detail.velocity, detail.meddpicc.score),
        detail: detail satisfies StoredDetail,
        computedAt: now,
        playbookVersion,
      },
    ];
  });
}
