import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOpportunity, buildUser, testContext } from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { weekStartOf } from '../forecast-changes/take-snapshot.js';
import { weeklySnapshot } from './weekly-snapshot.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const snapshots = async () =>
  (
    await database.db
      .selectFrom('deal_snapshots')
      .select(['taken_at'])
      .select((eb) => eb.fn.countAll<number>().as('deals'))
      .groupBy('taken_at')
      .orderBy('taken_at')
      .execute()
  ).map((row) => [row.taken_at.toISOString(), Number(row.deals)]);

describe('the weekly snapshot job', () => {
  it('snapshots every open deal once a week (from Monday 00:00 UTC), however often it runs', async () => {
    const { context, setNow } = testContext(database.db, new Date('2026-12-02T10:00:00Z')); // a Wednesday
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const account = await buildAccount(database.db, { ownerId: owner.id });
    await buildOpportunity(context, { ownerId: owner.id, accountId: account.id });
    await buildOpportunity(context, { ownerId: owner.id, accountId: account.id });
    expect(await weeklySnapshot.run(context)).toEqual({ snapshotDeals: 2, taken: 1 });
    setNow(new Date('2026-12-06T23:59:00Z')); // Sunday: the same week
    expect(await weeklySnapshot.run(context)).toEqual({ snapshotDeals: 0, taken: 0 });
    setNow(new Date('2026-12-07T00:00:00Z')); // Monday: a new week
    expect(await weeklySnapshot.run(context)).toEqual({ snapshotDeals: 2, taken: 1 });
    expect(await snapshots()).toEqual([
      ['2026-12-02T10:00:00.000Z', 2],
      ['2026-12-07T00:00:00.000Z', 2],
    ]);
    expect(weekStartOf(new Date('2026-12-02T10:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});
