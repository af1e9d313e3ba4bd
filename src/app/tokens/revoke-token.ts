import { type ApiToken, findApiToken, revokeApiToken } from '../../db/repositories/api-tokens-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { refuseUnlessAdmin } from '../users/require-admin.js';

/** Revokes a token at once (the next request with it is refused); revoking twice changes nothing. */
export async function revokeToken(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<ApiToken, AppError>> {
  const refusal = refuseUnlessAdmin(actor, 'write');
  if (refusal) return err(refusal);
  const at = context.now();
  return context.db.transaction().execute(async (trx) => {
    const revoked = await revokeApiToken(trx, id, at);
    if (!revoked) {
      const existing = await findApiToken(trx, id);
      return existing ? ok(existing) : err(notFound('API token', id));
    }
    await recordEvent(trx, actor, at, {
      entityType: 'api_token',
      entityId: id,
      action: 'api_token.revoked',
      before: { userId: revoked.userId, name: revoked.name, scope: revoked.scope },
    });
    return ok(revoked);
  });
}
