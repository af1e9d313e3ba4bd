import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, buildAccount, buildUser, testContext } from '../../../test/support/factories.js';
import { insertStoredDeals, plainDeal } from '../../../test/support/stored-deals.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { atRiskQuery, listDealsAtRisk } from './list-deals-at-risk.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const DAY = 86_400_000;

describe('deals at risk among many open deals', () => {
  it('lists and counts a deal beyond the first 5,000 open deals (the old scan limit)', async () => {
    const { context } = testContext(database.db, new Date('2026-09-01T09:00:00Z'));
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const account = await buildAccount(database.db, { ownerId: owner.id });
    const now = context.now().getTime();
    // 5,000 open deals that close first (the old scan read deals in close-date order), fresh in their stage.
    const earlier = Array.from({ length: 5000 }, (_, index) =>
      plainDeal(context, {
        ownerId: owner.id,
        accountId: account.id,
        closeDate: `2027-0${1 + (index % 6)}-15`,
        createdAt: new Date(now - 2 * DAY),
        stageEnteredAt: new Date(now - 2 * DAY),
      }),
    );
    // The 5,001st closes last and has sat in its stage for four months: At Risk.
    const beyond = plainDeal(context, {
      ownerId: owner.id,
      accountId: account.id,
      name: 'Stalled beyond the cap',
      closeDate: '2028-12-29',
      createdAt: new Date(now - 120 * DAY),
      stageEnteredAt: new Date(now - 120 * DAY),
    });
    await insertStoredDeals(context, [...earlier, beyond]);

    const byVelocity = await listDealsAtRisk(context, admin(), atRiskQuery.parse({ sort: 'velocity' }));
    if (!byVelocity.ok) throw new Error(byVelocity.error.message);
    const [first] = byVelocity.value.items;
    expect(first?.opportunity.id).toBe(beyond.id);
    expect(first?.inspection.velocity.class).toBe('at_risk');
    expect(byVelocity.value).not.toHaveProperty('truncated');

    const byCloseDate = await listDealsAtRisk(context, admin(), atRiskQuery.parse({ sort: 'closeDate' }));
    if (!byCloseDate.ok) throw new Error(byCloseDate.error.message);
    const stored = await database.db
      .selectFrom('deal_inspections')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('at_risk', '=', true)
      .executeTakeFirstOrThrow();
    // Every deal at risk is counted, the one past the cap included.
    expect(byCloseDate.value.totals.deals).toBe(Number(stored.count));
    expect(byCloseDate.value.byOwner).toEqual([
      expect.objectContaining({ ownerId: owner.id, deals: Number(stored.count) }),
    ]);
  }, 60_000);
});
