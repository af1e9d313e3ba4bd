import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOpportunity, buildUser, testContext } from '../../../test/support/factories.js';
import { expectStoredMatchesFresh } from '../../../test/support/stored-inspection.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { inspectionRefresh } from './inspection-refresh.js';
import { runOncePerPeriod } from './run-jobs.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const HOUR = 3_600_000;

describe('the inspection refresh job', () => {
  it('recomputes the rows of yesterday in the first hour of the day, once across processes', async () => {
    const { context, setNow } = testContext(database.db, new Date('2026-09-01T09:00:00Z'));
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const account = await buildAccount(database.db, { ownerId: owner.id });
    const deal = await buildOpportunity(context, { ownerId: owner.id, accountId: account.id });
    setNow(new Date('2026-09-02T00:20:00Z'));
    const tick = (process: string) =>
      runOncePerPeriod(context, inspectionRefresh, { periodMs: HOUR, process });
    expect(await Promise.all([tick('a'), tick('b')])).toEqual(expect.arrayContaining([true, false]));
    await expectStoredMatchesFresh(context, deal.id);
    // The next hour's run finds nothing computed before today.
    setNow(new Date('2026-09-02T01:20:00Z'));
    expect(await tick('b')).toBe(true);
    const runs = await database.db
      .selectFrom('job_runs')
      .select(['period_start', 'outcome'])
      .where('job', '=', 'inspection-refresh')
      .orderBy('period_start')
      .execute();
    expect(runs.map((run) => run.outcome)).toEqual([
      expect.objectContaining({ refreshed: 1, backfilled: 0 }),
      expect.objectContaining({ refreshed: 0, backfilled: 0, batches: 0 }),
    ]);
  });
});
