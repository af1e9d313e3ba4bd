import type { FastifyRequest } from 'fastify';
import type { AuthSettings } from '../../app/auth/auth-settings.js';
import { authenticateSession } from '../../app/auth/authenticate-session.js';
import { authenticateToken } from '../../app/auth/authenticate-token.js';
import type { AppContext } from '../../app/context.js';
import type { TokenScope } from '../../db/schema.js';
import type { Principal } from '../../domain/access/principal.js';
import { sessionCookieOf } from './session-cookie.js';

/** How a caller signed in. Secrets stay out: a session by the hash of its cookie, a token by its id. */
export type Credential =
  | { kind: 'session'; idHash: string; csrfToken: string; expiresAt: Date }
  | { kind: 'token'; tokenId: string; scope: TokenScope };

export type Identity =
  | { kind: 'signed_in'; principal: Principal; credential: Credential }
  /** Credentials were sent but are not (or no longer) valid. */
  | { kind: 'refused'; via: 'session' | 'token' }
  | { kind: 'anonymous' };

const BEARER = /^Bearer +(\S{1,512})$/i;

/**
 * Who is calling: an `Authorization: Bearer` token if the header is sent (the cookie is then ignored),
 * else the session cookie. Both are checked against the database on every request.
 */
export async function identifyCaller(
  context: AppContext,
  settings: AuthSettings,
  request: FastifyRequest,
): Promise<Identity> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const bearer = BEARER.exec(authorization)?.[1];
    const auth = bearer ? await authenticateToken(context, settings, bearer) : null;
    if (!auth) return { kind: 'refused', via: 'token' };
    return {
      kind: 'signed_in',
      principal: auth.user,
      credential: { kind: 'token', tokenId: auth.tokenId, scope: auth.scope },
    };
  }
  const cookie = sessionCookieOf(request);
  if (!cookie) return { kind: 'anonymous' };
  const session = await authenticateSession(context, settings, cookie);
  if (!session) return { kind: 'refused', via: 'session' };
  const { id, role, region, managerId } = session.user;
  return {
    kind: 'signed_in',
    principal: { id, role, region, managerId },
    credential: {
      kind: 'session',
      idHash: session.idHash,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    },
  };
}
