import { z } from 'zod';
import { findAccountNames } from '../../db/repositories/accounts-repo.js';
import { type DealHead, findOpportunities, listDealHeads } from '../../db/repositories/opportunities-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { type AtRiskTotals, type OwnerTotals, totalAtRisk } from '../../domain/inspection/at-risk-totals.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { cursorQuery, id, limitQuery } from '../shared/fields.js';
import { assessDeal, type Inspection } from './assess-deal.js';
import { loadDealEvidence, loadExpectedDurations } from './deal-evidence.js';

export const atRiskQuery = z
  .object({
    pipeline: z.string().optional(),
    ownerId: id.optional(),
    region: z.string().optional(),
    sort: z.enum(['health', 'velocity', 'amount', 'closeDate']).default('health'),
    limit: limitQuery,
    cursor: cursorQuery,
  })
  .strict();
export type AtRiskQuery = z.infer<typeof atRiskQuery>;

export interface DealAtRisk {
  opportunity: Opportunity;
  /** The deal's account, named, so a list can show it without reading each account. */
  account: { id: string; name: string };
  inspection: Inspection;
}

export interface DealsAtRisk {
  items: DealAtRisk[];
  nextCursor: string | null;
  /** Every deal at risk under the filters (not only this page): how many, for how much, and per owner. */
  totals: AtRiskTotals;
  byOwner: OwnerTotals[];
  /** The open deals looked at: the list flags `totals.deals` of them. */
  scanned: number;
  truncated: boolean;
}

/** A deal judged from its head; the page shown is then read whole. */
interface Assessed {
  deal: DealHead;
  inspection: Inspection;
}

/** How many open deals one at-risk request looks at; beyond it the answer says it is truncated. */
export const AT_RISK_SCAN_LIMIT = 5000;
const VELOCITY_ORDER = { at_risk: 0, recovery: 1, standard: 2, fast_track: 3 } as const;

/** Each order as a sort key (ascending; ties broken by deal id), which is also what a page's cursor holds. */
const SORT_KEYS = {
  health: (item: Assessed) => item.inspection.health.score,
  // At Risk first, then Recovery, Standard, Fast Track; within a class the longest in stage first.
  velocity: (item: Assessed) =>
    VELOCITY_ORDER[item.inspection.velocity.class] * 1_000_000 - item.inspection.velocity.daysInStage,
  amount: (item: Assessed) => -item.deal.amountMinor,
  closeDate: (item: Assessed) => item.deal.closeDate,
} satisfies Record<AtRiskQuery['sort'], (item: Assessed) => number | string>;

type SortKey = [number | string, string];

function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/**
 * The open deals the actor may see that are in trouble — health red or velocity At Risk — worst first by the
 * chosen order, each with its inspection (reasons and evidence).
 */
export async function listDealsAtRisk(
  context: AppContext,
  actor: Actor,
  query: AtRiskQuery,
): Promise<Result<DealsAtRisk, AppError>> {
  const cursor = decodeCursor(query.cursor, ['any', 'text']);
  if (!cursor.ok) return cursor;
  const after = cursor.value as SortKey | undefined;
  const visibility = visibilityFor(actor.principal, 'opportunity');
  const filter = {
    openOnly: true,
    ...(query.pipeline && { pipeline: query.pipeline }),
    ...(query.ownerId && { ownerId: query.ownerId }),
    ...(query.region && { ownerRegion: query.region }),
  };
  // One read of the heads of up to 5,000 deals (+1 to tell whether there were more).
  const deals = await listDealHeads(context.db, filter, visibility, { limit: AT_RISK_SCAN_LIMIT + 1 });
  const scanned = deals.slice(0, AT_RISK_SCAN_LIMIT);
  const now = context.now();
  const expected = await loadExpectedDurations(
    context.db,
    context.playbook,
    scanned.map((deal) => deal.pipeline),
  );
  const evidence = await loadDealEvidence(
    context.db,
    scanned,
    now,
    context.playbook.inspection.poc?.resultsSession,
  );
  const atRisk = evidence.flatMap((item): Assessed[] => {
    const durations = expected.get(item.deal.pipeline);
    if (!durations) return [];
    const inspection = assessDeal(context.playbook, durations, item, now);
    const inTrouble = inspection.health.band === 'red' || inspection.velocity.class === 'at_risk';
    return inTrouble ? [{ deal: item.deal, inspection }] : [];
  });
  const keyOf = (item: Assessed): SortKey => [SORT_KEYS[query.sort](item), item.deal.id];
  const keyed = atRisk.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  const rest = after ? keyed.filter(({ key }) => compareKeys(key, after) > 0) : keyed;
  const page = rest.slice(0, query.limit);
  const ids = page.map(({ item }) => item.deal.id);
  const whole = new Map((await findOpportunities(context.db, ids)).map((deal) => [deal.id, deal]));
  const names = await findAccountNames(
    context.db,
    page.map(({ item }) => item.deal.accountId),
  );
  const last = page.at(-1);
  const { totals, byOwner } = totalAtRisk(atRisk.map((item) => item.deal));
  return ok({
    totals,
    byOwner,
    items: page.flatMap(({ item }) => {
      const opportunity = whole.get(item.deal.id);
      if (!opportunity) return []; // only if the deal vanished between the two reads (deals are not deleted)
      const account = { id: opportunity.accountId, name: names.get(opportunity.accountId) ?? '' };
      return [{ opportunity, account, inspection: item.inspection }];
    }),
    nextCursor: rest.length > page.length && last ? encodeCursor(last.key) : null,
    scanned: scanned.length,
    truncated: deals.length > AT_RISK_SCAN_LIMIT,
  });
}
