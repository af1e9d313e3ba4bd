import { type ApiToken, listApiTokens } from '../../db/repositories/api-tokens-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';
import { refuseUnlessAdmin } from '../users/require-admin.js';
import type { TokenListQuery } from './token-inputs.js';

/** API tokens, newest first (never their secrets or hashes); admins only. */
export async function listTokens(
  context: AppContext,
  actor: Actor,
  query: TokenListQuery,
): Promise<Result<Page<ApiToken>, AppError>> {
  const refusal = refuseUnlessAdmin(actor, 'read');
  if (refusal) return err(refusal);
  const cursor = decodeCursor(query.cursor, ['serial', 'text']);
  if (!cursor.ok) return err(cursor.error);
  const [createdAt, id] = cursor.value ?? [];
  const before = cursor.value ? { createdAt: new Date(Number(createdAt)), id: String(id) } : undefined;
  const rows = await listApiTokens(context.db, { userId: query.userId }, { limit: query.limit + 1, before });
  return ok(toPage(rows, query.limit, (row) => [row.createdAt.getTime(), row.id]));
}
