import { z } from 'zod';
import { type AtRiskKey, groupAtRisk, listAtRiskPage } from '../../db/repositories/at-risk-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { type AtRiskTotals, type OwnerTotals, totalAtRisk } from '../../domain/inspection/at-risk-totals.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { type CursorPart, decodeCursor, encodeCursor } from '../shared/cursor.js';
import { cursorQuery, id, limitQuery } from '../shared/fields.js';
import type { StoredDetail } from './store-inspections.js';

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

/**
 * A deal's inspection as stored (decision 024): health, velocity, MEDDPICC and what to fix first, as of
 * `computedAt` under playbook version `playbookVersion`. Customer fit is not stored (it reads contracts and
 * today; no list shows it): the deal's own inspection has it.
 */
export interface StoredInspection extends StoredDetail {
  opportunityId: string;
  computedAt: Date;
  playbookVersion: number;
}

export interface DealAtRisk {
  opportunity: Opportunity;
  /** The deal's account, named, so a list can show it without reading each account. */
  account: { id: string; name: string };
  inspection: StoredInspection;
}

export interface DealsAtRisk {
  items: DealAtRisk[];
  nextCursor: string | null;
  /** Every deal at risk under the filters (not only this page): how many, for how much, and per owner. */
  totals: AtRiskTotals;
  byOwner: OwnerTotals[];
}

/** What each order's cursor holds: its key (an integer, or a close date), then the deal id. */
const CURSOR_PARTS: Record<AtRiskQuery['sort'], readonly CursorPart[]> = {
  health: ['integer', 'text'],
  velocity: ['integer', 'text'],
  amount: ['integer', 'text'],
  closeDate: ['date', 'text'],
};

/**
 * The open deals the actor may see that are in trouble — health red or velocity At Risk — worst first by the
 * chosen order, each with its stored inspection (reasons and evidence). Read from the stored inspections'
 * indexes: every deal at risk is listed and counted, however many open deals there are.
 */
export async function listDealsAtRisk(
  context: AppContext,
  actor: Actor,
  query: AtRiskQuery,
): Promise<Result<DealsAtRisk, AppError>> {
  const cursor = decodeCursor(query.cursor, CURSOR_PARTS[query.sort]);
  if (!cursor.ok) return cursor;
  const visibility = visibilityFor(actor.principal, 'opportunity');
  const filter = { pipeline: query.pipeline, ownerId: query.ownerId, region: query.region };
  const rows = await listAtRiskPage(context.db, filter, visibility, {
    sort: query.sort,
    limit: query.limit,
    after: cursor.value as AtRiskKey | undefined,
  });
  const { totals, byOwner } = totalAtRisk(await groupAtRisk(context.db, filter, visibility));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return ok({
    items: page.map((row) => ({
      opportunity: row.opportunity,
      account: { id: row.opportunity.accountId, name: row.accountName },
      inspection: {
        opportunityId: row.opportunity.id,
        ...(row.detail as StoredDetail),
        computedAt: row.computedAt,
        playbookVersion: row.playbookVersion,
      },
    })),
    nextCursor: rows.length > page.length && last ? encodeCursor(last.key) : null,
    totals,
    byOwner,
  });
}
