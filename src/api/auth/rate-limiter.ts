import type { Kysely } from 'kysely';
import {
  countHit,
  deleteRateWindow,
  findRateWindow,
  type RateWindow,
} from '../../db/repositories/rate-limit-repo.js';
import type { Database } from '../../db/schema.js';

/** A budget: at most `limit` hits per key in each `windowMs` window. */
export interface RateBudget {
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counters kept in the database, so that a budget holds across every server process on it
 * (decision 011). Ended windows are deleted by the housekeeping job.
 */
export class RateLimiter {
  constructor(
    private readonly db: () => Kysely<Database>,
    readonly bucket: string,
    readonly budget: RateBudget,
  ) {}

  /** Counts a hit and answers whether it is within the budget. */
  async take(key: string, now: number): Promise<RateDecision> {
    const window = await countHit(this.db(), {
      bucket: this.bucket,
      key,
      now: new Date(now),
      windowMs: this.budget.windowMs,
    });
    return this.decide(window, now, window.count > this.budget.limit);
  }

  /** Whether the budget is already spent, without counting a hit. */
  async peek(key: string, now: number): Promise<RateDecision> {
    const window = await findRateWindow(this.db(), this.bucket, key, new Date(now));
    return window ? this.decide(window, now, window.count >= this.budget.limit) : { allowed: true };
  }

  clear(key: string): Promise<void> {
    return deleteRateWindow(this.db(), this.bucket, key);
  }

  private decide(window: RateWindow, now: number, refused: boolean): RateDecision {
    if (!refused) return { allowed: true };
    const seconds = Math.ceil((window.resetAt.getTime() - now) / 1000);
    return { allowed: false, retryAfterSeconds: Math.max(1, seconds) };
  }
}
