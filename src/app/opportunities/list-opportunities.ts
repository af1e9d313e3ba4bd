import { listOpportunities as selectOpportunities } from '../../db/repositories/opportunities-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';
import type { OpportunityListQuery } from './opportunity-inputs.js';

/** Deals in close-date order, filtered, one page at a time. */
export async function listOpportunities(
  context: AppContext,
  actor: Actor,
  query: OpportunityListQuery,
): Promise<Result<Page<Opportunity>, AppError>> {
  const cursor = decodeCursor(query.cursor, ['date', 'text']);
  if (!cursor.ok) return err(cursor.error);
  const { limit, cursor: _cursor, ...filter } = query;
  const after = cursor.value && { closeDate: String(cursor.value[0]), id: String(cursor.value[1]) };
  const visibility = visibilityFor(actor.principal, 'opportunity');
  const page = { limit: limit + 1, ...(after && { after }) };
  const rows = await selectOpportunities(context.db, filter, visibility, page);
  return ok(toPage(rows, limit, (row) => [row.closeDate, row.id]));
}
