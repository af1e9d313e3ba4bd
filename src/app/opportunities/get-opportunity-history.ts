import { listOpportunityEvents, type StoredEvent } from '../../db/repositories/events-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { readableOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';

/** Every change of a deal, oldest first, with the gate snapshot of each stage change. */
export async function getOpportunityHistory(
  context: AppContext,
  actor: Actor,
  id: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Result<Page<StoredEvent>, AppError>> {
  const readable = await readableOpportunity(context.db, actor, id);
  if (!readable.ok) return readable;
  const cursor = decodeCursor(page.cursor, ['serial']);
  if (!cursor.ok) return err(cursor.error);
  const afterId = cursor.value ? Number(cursor.value[0]) : undefined;
  const rows = await listOpportunityEvents(context.db, id, {
    limit: page.limit + 1,
    ...(afterId !== undefined && { afterId }),
  });
  return ok(toPage(rows, page.limit, (row) => [row.id]));
}
