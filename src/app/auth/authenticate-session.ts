import {
  findSessionWithUser,
  type SessionWithUser,
  touchSession,
} from '../../db/repositories/sessions-repo.js';
import type { AppContext } from '../context.js';
import type { AuthSettings } from './auth-settings.js';
import { hashSecret } from './secrets.js';

export type SessionAuth = Pick<SessionWithUser, 'idHash' | 'csrfToken' | 'expiresAt' | 'user'>;

/** Why a session is not (or no longer) valid at `at`; null when it is. */
export function sessionEndedBecause(session: SessionWithUser, settings: AuthSettings, at: Date) {
  if (session.revokedAt !== null) return 'revoked';
  if (!session.user.active) return 'user_disabled';
  if (session.expiresAt.getTime() <= at.getTime()) return 'expired';
  if (session.lastSeenAt.getTime() + settings.idleTimeoutMs <= at.getTime()) return 'idle';
  return null;
}

/**
 * The signed-in user behind a session cookie, checked on every request (revoked, disabled user, absolute
 * and idle timeouts); `last_seen_at` is written at most once per `touchIntervalMs`.
 */
export async function authenticateSession(
  context: AppContext,
  settings: AuthSettings,
  cookieValue: string,
): Promise<SessionAuth | null> {
  const session = await findSessionWithUser(context.db, hashSecret(cookieValue));
  if (!session) return null;
  const at = context.now();
  if (sessionEndedBecause(session, settings, at) !== null) return null;
  if (at.getTime() - session.lastSeenAt.getTime() >= settings.touchIntervalMs) {
    await touchSession(context.db, session.idHash, at);
  }
  return {
    idHash: session.idHash,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    user: session.user,
  };
}
