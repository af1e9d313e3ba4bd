import { findApiTokenWithUser, touchApiToken } from '../../db/repositories/api-tokens-repo.js';
import type { TokenScope } from '../../db/schema.js';
import type { Principal } from '../../domain/access/principal.js';
import type { AppContext } from '../context.js';
import { looksLikeApiToken } from './api-token-format.js';
import type { AuthSettings } from './auth-settings.js';
import { hashSecret } from './secrets.js';

export interface TokenAuth {
  tokenId: string;
  scope: TokenScope;
  user: Principal;
}

/**
 * The user behind a bearer token: unknown, revoked, expired tokens and disabled users are refused on every
 * request; `last_used_at` is written at most once per `touchIntervalMs`.
 */
export async function authenticateToken(
  context: AppContext,
  settings: AuthSettings,
  bearer: string,
): Promise<TokenAuth | null> {
  if (!looksLikeApiToken(bearer)) return null;
  const found = await findApiTokenWithUser(context.db, hashSecret(bearer));
  if (!found) return null;
  const { token, user } = found;
  const at = context.now();
  if (token.revokedAt !== null || !user.active) return null;
  if (token.expiresAt !== null && token.expiresAt.getTime() <= at.getTime()) return null;
  const lastUsed = token.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (at.getTime() - lastUsed >= settings.touchIntervalMs) await touchApiToken(context.db, token.id, at);
  const { id, role, region, managerId } = user;
  return { tokenId: token.id, scope: token.scope, user: { id, role, region, managerId } };
}
