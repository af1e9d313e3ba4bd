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
  /** Keys each limiter remembers at most (memory bound). */
  maxKeys: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  loginFailuresPerAccount: { limit: 5, windowMs: 15 * MINUTE },
  loginAttemptsPerIp: { limit: 20, windowMs: MINUTE },
  requestsPerPrincipal: { limit: 1200, windowMs: MINUTE },
  anonymousRequestsPerIp: { limit: 120, windowMs: MINUTE },
  maxKeys: 10_000,
};

export type RateLimiters = Record<Exclude<keyof RateLimitSettings, 'maxKeys'>, RateLimiter>;

export function createRateLimiters(overrides: Partial<RateLimitSettings> = {}): RateLimiters {
  const settings = { ...DEFAULT_RATE_LIMITS, ...overrides };
  const limiter = (budget: RateBudget) => new RateLimiter(budget, settings.maxKeys);
  return {
    loginFailuresPerAccount: limiter(settings.loginFailuresPerAccount),
    loginAttemptsPerIp: limiter(settings.loginAttemptsPerIp),
    requestsPerPrincipal: limiter(settings.requestsPerPrincipal),
    anonymousRequestsPerIp: limiter(settings.anonymousRequestsPerIp),
  };
}
