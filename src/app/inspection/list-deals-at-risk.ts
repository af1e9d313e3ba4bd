import { z } from 'zod';
import { listOpportunities } from '../../db/repositories/opportunities-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { id, limitQuery } from '../shared/fields.js';
import { assessDeal, type Inspection } from './assess-deal.js';
import { loadDealEvidence, loadExpectedDurations } from './deal-evidence.js';

export const atRiskQuery = z
  .object({
    pipeline: z.string().optional(),
    ownerId: id.optional(),
    region: z.string().optional(),
    sort: z.enum(['health', 'velocity', 'amount', 'closeDate']).default('health'),
    limit: limitQuery,
  })
  .strict();
export type AtRiskQuery = z.infer<typeof atRiskQuery>;

export interface DealAtRisk {
  opportunity: Opportunity;
  inspection: Inspection;
}

/** How many open deals one at-risk request looks at; beyond it the answer says it is truncated. */
export const AT_RISK_SCAN_LIMIT = 5000;
const PAGE = 1000;
const VELOCITY_ORDER = { at_risk: 0, recovery: 1, standard: 2, fast_track: 3 } as const;

const SORTS = {
  health: (a: DealAtRisk, b: DealAtRisk) => a.inspection.health.score - b.inspection.health.score,
  velocity: (a: DealAtRisk, b: DealAtRisk) =>
    VELOCITY_ORDER[a.inspection.velocity.class] - VELOCITY_ORDER[b.inspection.velocity.class] ||
    b.inspection.velocity.daysInStage - a.inspection.velocity.daysInStage,
  amount: (a: DealAtRisk, b: DealAtRisk) => b.opportunity.amountMinor - a.opportunity.amountMinor,
  closeDate: (a: DealAtRisk, b: DealAtRisk) => a.opportunity.closeDate.localeCompare(b.opportunity.closeDate),
} satisfies Record<AtRiskQuery['sort'], (a: DealAtRisk, b: DealAtRisk) => number>;

/**
 * The open deals the actor may see that are in trouble — health red or velocity At Risk — worst first by the
 * chosen order, each with its inspection (reasons and evidence).
 */
export async function listDealsAtRisk(
  context: AppContext,
  actor: Actor,
  query: AtRiskQuery,
): Promise<Result<{ items: DealAtRisk[]; scanned: number; truncated: boolean }, AppError>> {
  const visibility = visibilityFor(actor.principal, 'opportunity');
  const filter = {
    openOnly: true,
    ...(query.pipeline && { pipeline: query.pipeline }),
    ...(query.ownerId && { ownerId: query.ownerId }),
    ...(query.region && { ownerRegion: query.region }),
  };
  const deals: Opportunity[] = [];
  for (let after: { closeDate: string; id: string } | undefined; deals.length <= AT_RISK_SCAN_LIMIT; ) {
    const page = await listOpportunities(context.db, filter, visibility, {
      limit: PAGE,
      ...(after && { after }),
    });
    deals.push(...page);
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    after = { closeDate: last.closeDate, id: last.id };
  }
  const scanned = deals.slice(0, AT_RISK_SCAN_LIMIT);
  const now = context.now();
  const expected = await loadExpectedDurations(
    context.db,
    context.playbook,
    scanned.map((deal) => deal.pipeline),
  );
  const evidence = await loadDealEvidence(context.db, scanned, now);
  const atRisk = evidence.flatMap((item) => {
    const durations = expected.get(item.deal.pipeline);
    if (!durations) return [];
    const inspection = assessDeal(context.playbook, durations, item, now);
    const inTrouble = inspection.health.band === 'red' || inspection.velocity.class === 'at_risk';
    return inTrouble ? [{ opportunity: item.deal, inspection }] : [];
  });
  atRisk.sort(SORTS[query.sort]);
  return ok({
    items: atRisk.slice(0, query.limit),
    scanned: scanned.length,
    truncated: deals.length > AT_RISK_SCAN_LIMIT,
  });
}
