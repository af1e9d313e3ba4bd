import { listOpportunityEvents, type StoredEvent } from '../../db/repositories/events-repo.js';
import { findOpportunity } from '../../db/repositories/opportunities-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';

/** Every change of a deal, oldest first, with the gate snapshot of each stage change. */
export async function getOpportunityHistory(
  context: AppContext,
  id: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Result<Page<StoredEvent>, AppError>> {
  if (!(await findOpportunity(context.db, id))) return err(notFound('Opportunity', id));
  const cursor = decodeCursor(page.cursor, 1);
  if (!cursor.ok) return err(cursor.error);
  const afterId = cursor.value ? Number(cursor.value[0]) : undefined;
  const rows = await listOpportunityEvents(context.db, id, {
    limit: page.limit + 1,
    ...(afterId !== undefined && { afterId }),
  });
  return ok(toPage(rows, page.limit, (row) => [row.id]));
}
