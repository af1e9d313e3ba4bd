import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { deleteEndedRateWindows } from '../../db/repositories/rate-limit-repo.js';
import { RateLimiter } from './rate-limiter.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const limiter = (bucket: string, limit: number, windowMs: number) =>
  new RateLimiter(() => database.db, bucket, { limit, windowMs });

describe('RateLimiter (counters in the database)', () => {
  it('allows `limit` hits per window, then refuses with the seconds until the window ends', async () => {
    const budget = limiter('three', 3, 60_000);
    const taken = [];
    for (const at of [0, 1, 2]) taken.push((await budget.take('a', at * 1000)).allowed);
    expect(taken).toEqual([true, true, true]);
    expect(await budget.take('a', 10_500)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await budget.take('b', 10_500)).allowed).toBe(true);
    expect((await budget.take('a', 60_000)).allowed).toBe(true);
  });

  it('peeks without counting, and forgets a key on clear', async () => {
    const budget = limiter('two', 2, 1000);
    expect((await budget.peek('a', 0)).allowed).toBe(true);
    await budget.take('a', 0);
    expect((await budget.peek('a', 0)).allowed).toBe(true);
    await budget.take('a', 0);
    expect(await budget.peek('a', 999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await budget.clear('a');
    expect((await budget.peek('a', 999)).allowed).toBe(true);
  });

  it('counts hits that arrive at once exactly: of 20 against a budget of 10, 10 pass', async () => {
    const budget = limiter('burst', 10, 60_000);
    const decisions = await Promise.all(Array.from({ length: 20 }, () => budget.take('k', 5_000)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  });

  it('keeps budgets apart, and housekeeping deletes only the windows that ended', async () => {
    const a = limiter('apart-a', 1, 1000);
    const b = limiter('apart-b', 1, 5000);
    await a.take('same-key', 100_000);
    expect((await b.take('same-key', 100_000)).allowed).toBe(true);
    expect(await deleteEndedRateWindows(database.db, new Date(102_000))).toBeGreaterThanOrEqual(1);
    expect((await b.peek('same-key', 102_000)).allowed).toBe(false);
  });
});
