/** A budget: at most `limit` hits per key in each `windowMs` window. */
export interface RateBudget {
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window counters in memory, per process. Memory is bounded: past `maxKeys` keys, expired windows
 * are swept and then the oldest windows dropped (a flood of new keys can only forget old counters early).
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly budget: RateBudget,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts a hit and answers whether it is within the budget. */
  take(key: string, now: number): RateDecision {
    const window = this.current(key, now) ?? this.open(key, now);
    window.count += 1;
    return this.decide(window, now, window.count > this.budget.limit);
  }

  /** Whether the budget is already spent, without counting a hit. */
  peek(key: string, now: number): RateDecision {
    const window = this.current(key, now);
    return window ? this.decide(window, now, window.count >= this.budget.limit) : { allowed: true };
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    return window && window.resetAt > now ? window : undefined;
  }

  private open(key: string, now: number): Window {
    this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.evict(now);
    const window = { count: 0, resetAt: now + this.budget.windowMs };
    this.windows.set(key, window);
    return window;
  }

  private evict(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }

  private decide(window: Window, now: number, refused: boolean): RateDecision {
    if (!refused) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
  }
}
