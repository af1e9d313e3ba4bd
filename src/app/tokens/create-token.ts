import { type ApiToken, insertApiToken } from '../../db/repositories/api-tokens-repo.js';
import { findUserRecord } from '../../db/repositories/user-records-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid } from '../app-error.js';
import { generateApiToken } from '../auth/api-token-format.js';
import { hashSecret } from '../auth/secrets.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { refuseUnlessAdmin } from '../users/require-admin.js';
import { type CreateTokenInput, createTokenInput } from './token-inputs.js';

export interface CreatedToken {
  token: ApiToken;
  /** The bearer value: shown once, never stored (only its SHA-256 is). */
  secret: string;
}

/** An admin (or the operator's CLI) issues an API token acting as a user; audited without the secret. */
export async function createToken(
  context: AppContext,
  actor: Actor,
  input: CreateTokenInput,
): Promise<Result<CreatedToken, AppError>> {
  const refusal = refuseUnlessAdmin(actor, 'write');
  if (refusal) return err(refusal);
  const { userId, name, scope, expiresAt } = createTokenInput.parse(input);
  const at = context.now();
  if (expiresAt !== undefined && new Date(expiresAt).getTime() <= at.getTime()) {
    return err(invalid([{ path: 'expiresAt', message: 'must be in the future' }]));
  }
  const { id, token: secret } = generateApiToken();
  const token: ApiToken = {
    id,
    userId,
    name,
    scope,
    createdBy: actor.id,
    createdAt: at,
    lastUsedAt: null,
    expiresAt: expiresAt === undefined ? null : new Date(expiresAt),
    revokedAt: null,
  };
  return context.db.transaction().execute(async (trx) => {
    const user = await findUserRecord(trx, userId);
    if (!user?.active) return err(invalid([{ path: 'userId', message: 'no such active user' }]));
    await insertApiToken(trx, token, hashSecret(secret));
    await recordEvent(trx, actor, at, {
      entityType: 'api_token',
      entityId: id,
      action: 'api_token.created',
      after: { userId, name, scope, expiresAt: token.expiresAt?.toISOString() ?? null },
    });
    return ok({ token, secret });
  });
}
