import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../app/access/actors.js';
import { anonymousActor } from '../../app/auth/anonymous-actor.js';
import type { AuthSettings } from '../../app/auth/auth-settings.js';
import type { Actor } from '../../app/context.js';
import { sendAppError } from '../errors/app-error-status.js';
import { sendHttpProblem } from '../errors/problem.js';
import { DOCS_PREFIX } from '../security-headers.js';
import { csrfRefusal, UNSAFE_METHODS } from './csrf.js';
import { type Credential, type Identity, identifyCaller } from './identify-caller.js';
import type { LoginLimiters } from './rate-limits.js';
import { clearSessionCookie } from './session-cookie.js';

export type { Credential };

export interface ServerAuth {
  settings: AuthSettings;
  /** The sign-in rules; the per-request budgets are @fastify/rate-limit's (request-budgets.ts). */
  limiters: LoginLimiters;
  /** Demo mode: the demo users and their documented password are listed at /api/v1/auth/demo-users. */
  demo: boolean;
}

/** Routes that answer anonymous callers: those marked `config.public`, and the docs UI's own routes. */
export function isPublicRoute(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  if (url === undefined) return false;
  return (
    request.routeOptions.config.public === true || url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`)
  );
}

/** Vendors' machine endpoints: the request proves itself; credentials sent along are not even looked up. */
const isMachineRoute = (request: FastifyRequest): boolean =>
  request.routeOptions.config.machine === true && request.routeOptions.config.public === true;

function actorOf(request: FastifyRequest, identity: Identity): Actor {
  if (identity.kind !== 'signed_in') return anonymousActor(request.id);
  const readOnly = identity.credential.kind === 'token' && identity.credential.scope === 'read';
  return actorFor(identity.principal, { requestId: request.id, readOnly });
}

function refuseAnonymous(reply: FastifyReply, identity: Identity) {
  reply.header('www-authenticate', 'Bearer realm="closepath"');
  if (identity.kind === 'refused' && identity.via === 'session') {
    clearSessionCookie(reply);
  }
  const detail =
    identity.kind === 'refused'
      ? `Your ${identity.via === 'session' ? 'session has ended' : 'API token is not valid'}; sign in again.`
      : 'Sign in (POST /api/v1/auth/login) or send an API token as Authorization: Bearer.';
  return sendHttpProblem(reply, 'unauthorized', detail);
}

/** What a signed-in caller's credential forbids on this request: read-only tokens, CSRF for cookies. */
function refuseByCredential(request: FastifyRequest, reply: FastifyReply, credential: Credential) {
  if (!UNSAFE_METHODS.has(request.method)) return undefined;
  if (credential.kind === 'token') {
    if (credential.scope === 'write') return undefined;
    return sendAppError(reply, { code: 'forbidden', message: 'This API token is read-only.' });
  }
  const refusal = csrfRefusal(request, credential.csrfToken);
  return refusal ? sendHttpProblem(reply, 'csrf_failed', refusal) : undefined;
}

/**
 * Authenticates every request before anything else runs: sets `request.actor` and `request.credential`,
 * spends the caller's request budget (@fastify/rate-limit: 429 over it), answers 401 to anonymous callers of non-public routes (unknown routes
 * included), 403 to read-only tokens on unsafe methods and to cookie changes without a valid CSRF proof.
 */
export function installAuthentication(app: FastifyInstance, auth: ServerAuth): void {
  app.decorate('auth', auth);
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('credential', null);
  const spendBudget = app.rateLimit();
  app.addHook('onRequest', async (request, reply) => {
    const identity: Identity = isMachineRoute(request)
      ? { kind: 'anonymous' }
      : await identifyCaller(app.context, auth.settings, request);
    request.actor = actorOf(request, identity);
    request.credential = identity.kind === 'signed_in' ? identity.credential : null;
    await spendBudget.call(app, request, reply);
    if (identity.kind !== 'signed_in') {
      return isPublicRoute(request) ? undefined : refuseAnonymous(reply, identity);
    }
    return refuseByCredential(request, reply, identity.credential);
  });
}
