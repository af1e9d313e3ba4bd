import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { countHit } from '../../db/repositories/rate-limit-repo.js';
import { housekeeping } from './housekeeping.js';
import { type Job, runOncePerPeriod } from './run-jobs.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const MINUTE = 60_000;

describe('background jobs', () => {
  it('run once per period however many processes tick, and again in the next period', async () => {
    const { context, setNow } = testContext(database.db, new Date('2026-12-01T10:00:10Z'));
    let runs = 0;
    const counted: Job = { name: 'counted', run: async () => ({ runs: ++runs }) };
    const tick = (process: string) => runOncePerPeriod(context, counted, { periodMs: MINUTE, process });
    expect(await Promise.all([tick('a'), tick('b'), tick('a'), tick('c')])).toEqual(
      expect.arrayContaining([true, false, false, false]),
    );
    expect(runs).toBe(1);
    setNow(new Date('2026-12-01T10:00:50Z'));
    expect(await tick('b')).toBe(false);
    setNow(new Date('2026-12-01T10:01:00Z'));
    expect(await tick('b')).toBe(true);
    expect(runs).toBe(2);
    const stored = await database.db
      .selectFrom('job_runs')
      .selectAll()
      .where('job', '=', 'counted')
      .execute();
    expect(stored.map((run) => [run.process, run.outcome])).toEqual(
      expect.arrayContaining([['b', { runs: 2 }]]),
    );
  });

  it('housekeeping deletes ended rate-limit windows and keeps the running ones', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const { context } = testContext(database.db, now);
    await countHit(database.db, {
      bucket: 'hk',
      key: 'ended',
      now: new Date(now.getTime() - 2 * MINUTE),
      windowMs: MINUTE,
    });
    await countHit(database.db, { bucket: 'hk', key: 'running', now, windowMs: MINUTE });
    const outcome = await housekeeping.run(context);
    expect(outcome.rateLimitWindows).toBeGreaterThanOrEqual(1);
    const left = await database.db
      .selectFrom('rate_limit_windows')
      .select('key')
      .where('bucket', '=', 'hk')
      .execute();
    expect(left.map((row) => row.key)).toEqual(['running']);
  });
});
