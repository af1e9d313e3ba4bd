import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { sendHttpProblem } from '../errors/problem.js';
import { type RateBudget, type RateDecision, RateLimiter } from './rate-limiter.js';

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

export const rateLimitSettings = (overrides: Partial<RateLimitSettings> = {}): RateLimitSettings => ({
  ...DEFAULT_RATE_LIMITS,
  ...overrides,
});

/**
 * The sign-in rules, on our own RateLimiter: failures per account are counted only when a sign-in fails,
 * checked before it and cleared on success, which no per-request budget expresses (decision 012). The
 * per-request budgets are @fastify/rate-limit's (request-budgets.ts).
 */
export type LoginLimiters = Record<'loginFailuresPerAccount' | 'loginAttemptsPerIp', RateLimiter>;

/** One limiter per sign-in rule, each counting in the database under its own bucket name. */
export function createLoginLimiters(db: () => Kysely<Database>, settings: RateLimitSettings): LoginLimiters {
  return {
    loginFailuresPerAccount: new RateLimiter(db, 'loginFailuresPerAccount', settings.loginFailuresPerAccount),
    loginAttemptsPerIp: new RateLimiter(db, 'loginAttemptsPerIp', settings.loginAttemptsPerIp),
  };
}

export const rateLimitedDetail = (retryAfterSeconds: number) =>
  `Too many requests; retry in ${retryAfterSeconds} s.`;

/** 429 problem+json with Retry-After, as @fastify/rate-limit answers through errorResponseBuilder. */
export function sendRateLimited(reply: FastifyReply, decision: RateDecision & { allowed: false }) {
  reply.header('retry-after', String(decision.retryAfterSeconds));
  return sendHttpProblem(reply, 'rate_limited', rateLimitedDetail(decision.retryAfterSeconds));
}
