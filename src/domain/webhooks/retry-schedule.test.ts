import { describe, expect, it } from 'vitest';
import { decideAfterAttempt, outcomeOfStatus, RETRY_POLICY, retryDelayMs } from './retry-schedule.js';

const HOUR = 3_600_000;
const budget = (random: number) =>
  Array.from({ length: RETRY_POLICY.maxAttempts - 1 }, (_, i) => retryDelayMs(i + 1, random)).reduce(
    (sum, delay) => sum + delay,
    0,
  );

describe('the retry schedule', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [10, 30_000 * 512],
    [11, 6 * HOUR],
    [14, 6 * HOUR],
  ])('waits after attempt %i: %i ms without jitter', (attempt, delay) => {
    expect(retryDelayMs(attempt, 0)).toBe(delay);
  });

  it('shortens a delay by at most 20 % of jitter', () => {
    expect(retryDelayMs(11, 0.999_999)).toBeGreaterThan(0.8 * 6 * HOUR);
    expect(retryDelayMs(11, 0.5)).toBe(0.9 * 6 * HOUR);
  });

  it('keeps trying for more than 24 h, whatever the jitter, before the last attempt', () => {
    expect(budget(0)).toBe(30_000 * 1023 + 24 * HOUR);
    expect(budget(0.999_999)).toBeGreaterThanOrEqual(26 * HOUR);
  });

  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [301, 'failed'],
    [404, 'failed'],
    [410, 'gone'],
    [429, 'failed'],
    [500, 'failed'],
    [null, 'failed'],
  ] as const)('reads HTTP %s as %s', (status, outcome) => {
    expect(outcomeOfStatus(status)).toBe(outcome);
  });

  const now = new Date('2026-12-01T00:00:00Z');
  it('decides after each attempt: delivered, retried, dead after the budget, dead and disabled on 410', () => {
    expect(decideAfterAttempt('delivered', 3, now, 0)).toEqual({ status: 'delivered' });
    expect(decideAfterAttempt('failed', 1, now, 0)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + 30_000),
    });
    expect(decideAfterAttempt('failed', 14, now, 0)).toMatchObject({ status: 'pending' });
    expect(decideAfterAttempt('failed', 15, now, 0)).toEqual({ status: 'dead', disableSubscription: false });
    expect(decideAfterAttempt('gone', 1, now, 0)).toEqual({ status: 'dead', disableSubscription: true });
  });
});
