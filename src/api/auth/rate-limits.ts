import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type RateBudget, RateLimiter } from './rate-limiter.js';

const MINUTE = 60_000;

/** The server's budgets; tests pass small ones to `buildServer({ rateLimits })`. */
export interface RateLimitSettings {
  /** Failed sign-ins per account (email): then 429 even with the right password, until the window ends. */
  loginFailuresPerAccount: RateBudget;
  /** Sign-in attempts per client IP, successful or not. */
  loginAttemptsPerIp: RateBudget;
  /** Every request of a signed-in user (session or token). */
  requestsPerPrincipal: RateBudget;
  /** Every anonymous request, per client IP (health checks excepted). */
  anonymousRequestsPerIp: RateBudget;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  loginFailuresPerAccount: { limit: 5, windowMs: 15 * MINUTE },
  loginAttemptsPerIp: { limit: 20, windowMs: MINUTE },
  requestsPerPrincipal: { limit: 1200, windowMs: MINUTE },
  anonymousRequestsPerIp: { limit: 120, windowMs: MINUTE },
};

export type RateLimiters = Record<keyof RateLimitSettings, RateLimiter>;

/** One limiter per budget, each counting in the database under its own bucket name. */
export function createRateLimiters(
  db: () => Kysely<Database>,
  overrides: Partial<RateLimitSettings> = {},
): RateLimiters {
  const settings = { ...DEFAULT_RATE_LIMITS, ...overrides };
  const limiter = (bucket: keyof RateLimitSettings, budget: RateBudget) =>
    new RateLimiter(db, bucket, budget);
  return {
    loginFailuresPerAccount: limiter('loginFailuresPerAccount', settings.loginFailuresPerAccount),
    loginAttemptsPerIp: limiter('loginAttemptsPerIp', settings.loginAttemptsPerIp),
    requestsPerPrincipal: limiter('requestsPerPrincipal', settings.requestsPerPrincipal),
    anonymousRequestsPerIp: limiter('anonymousRequestsPerIp', settings.anonymousRequestsPerIp),
  };
}
