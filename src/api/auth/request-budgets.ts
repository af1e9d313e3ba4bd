import fastifyRateLimit, {
  type FastifyRateLimitStore,
  type FastifyRateLimitStoreCtor,
  normalizeIP,
} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { countHit } from '../../db/repositories/rate-limit-repo.js';
import { HttpProblemResponse } from '../errors/unwrap.js';
import { type RateLimitSettings, rateLimitedDetail } from './rate-limits.js';

const HEALTH_PATH = '/api/health';

type Bucket = 'requestsPerPrincipal' | 'anonymousRequestsPerIp';

/** The client's IP as a budget key: the plugin's normalizeIP (IPv4-mapped → IPv4, IPv6 by its /64). */
export const clientIpKey = (request: FastifyRequest): string => normalizeIP(request.ip);

/** The key of a caller's budget, `bucket:key`: signed-in callers by principal, anyone else by client IP. */
function budgetKey(request: FastifyRequest): string {
  return request.credential
    ? `requestsPerPrincipal:${request.actor.principal.id}`
    : `anonymousRequestsPerIp:${clientIpKey(request)}`;
}

function splitKey(budgetKey: string): { bucket: Bucket; key: string } {
  const separator = budgetKey.indexOf(':');
  return { bucket: budgetKey.slice(0, separator) as Bucket, key: budgetKey.slice(separator + 1) };
}

/**
 * A @fastify/rate-limit store over `rate_limit_windows`: each hit is one atomic upsert (countHit), so a
 * budget holds across every server process on the database (decision 011); `ttl` is read on the server's
 * clock. Ended windows are deleted by the housekeeping job.
 */
function databaseStore(app: FastifyInstance): FastifyRateLimitStoreCtor {
  class DatabaseRateStore implements FastifyRateLimitStore {
    incr(
      budgetKey: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      windowMs: number,
    ): void {
      const now = app.context.now();
      countHit(app.context.db, { ...splitKey(budgetKey), now, windowMs }).then(
        (window) =>
          callback(null, {
            current: window.count,
            ttl: Math.max(1, window.resetAt.getTime() - now.getTime()),
          }),
        (error: Error) => callback(error),
      );
    }

    child(): FastifyRateLimitStore {
      return new DatabaseRateStore();
    }
  }
  return DatabaseRateStore;
}

/**
 * The per-request budgets (`requestsPerPrincipal`, `anonymousRequestsPerIp`) on @fastify/rate-limit with the
 * database store. Not as a route hook (`global: false`): the key and the limit depend on who is calling, and
 * every request must count, 401s and 404s included, so the authentication hook spends the budget with
 * `app.rateLimit()` right after identifying the caller. Over budget it throws a 429 problem+json; the plugin
 * adds Retry-After and the x-ratelimit-* headers.
 */
export async function registerRequestBudgets(
  app: FastifyInstance,
  settings: RateLimitSettings,
): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseStore(app),
    keyGenerator: budgetKey,
    max: (_request, key) => settings[splitKey(key).bucket].limit,
    timeWindow: (_request, key) => settings[splitKey(key).bucket].windowMs,
    allowList: (request) => request.routeOptions.url === HEALTH_PATH,
    errorResponseBuilder: (_request, context) =>
      new HttpProblemResponse('rate_limited', rateLimitedDetail(Math.ceil(context.ttl / 1000))),
  });
}
