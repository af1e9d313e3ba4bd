import { type ApiToken, listApiTokens } from '../../db/repositories/api-tokens-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { createdAtKey, decodeCreatedAtCursor, type Page, toPage } from '../shared/cursor.js';
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
  const before = decodeCreatedAtCursor(query.cursor);
  if (!before.ok) return err(before.error);
  const rows = await listApiTokens(
    context.db,
    { userId: query.userId },
    { limit: query.limit + 1, before: before.value },
  );
  return ok(toPage(rows, query.limit, createdAtKey));
}
