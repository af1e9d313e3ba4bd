import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows `limit` hits per window, then refuses with the seconds until the window ends', () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1, 2].map((at) => limiter.take('a', at * 1000).allowed)).toEqual([true, true, true]);
    expect(limiter.take('a', 10_500)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limiter.take('b', 10_500).allowed).toBe(true);
    expect(limiter.take('a', 60_000).allowed).toBe(true);
  });

  it('peeks without counting, and forgets a key on clear', () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000 });
    expect(limiter.peek('a', 0).allowed).toBe(true);
    limiter.take('a', 0);
    expect(limiter.peek('a', 0).allowed).toBe(true);
    limiter.take('a', 0);
    expect(limiter.peek('a', 999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    limiter.clear('a');
    expect(limiter.peek('a', 999).allowed).toBe(true);
  });

  it('keeps at most maxKeys keys: expired windows go first, then the oldest', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000 }, 3);
    for (const key of ['a', 'b', 'c']) limiter.take(key, 0);
    limiter.take('d', 500);
    expect(limiter.size).toBe(3);
    expect(limiter.peek('a', 500).allowed).toBe(true);
    expect(limiter.peek('b', 500).allowed).toBe(false);
    for (let index = 0; index < 10_000; index++) limiter.take(`k${index}`, 2000 + index);
    expect(limiter.size).toBe(3);
  });
});
