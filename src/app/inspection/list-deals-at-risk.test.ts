import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actor,
  buildAccount,
  buildOpportunity,
  buildUser,
  testContext,
} from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { atRiskQuery, listDealsAtRisk } from './list-deals-at-risk.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('deals at risk', () => {
  it('lists stalled and red deals the caller may see, worst first, each with its reasons', async () => {
    const clock = testContext(database.db, new Date('2026-09-01T09:00:00Z'));
    const { context } = clock;
    const emea = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const us = await buildUser(database.db, { role: 'ae', region: 'americas' });
    const account = await buildAccount(database.db, { ownerId: emea.id });
    const stalled = await buildOpportunity(context, {
      ownerId: emea.id,
      accountId: account.id,
      amountMinor: 5_000_00,
      closeDate: '2027-06-30',
    });
    const overdue = await buildOpportunity(context, {
      ownerId: emea.id,
      accountId: account.id,
      amountMinor: 9_000_00,
      closeDate: '2026-10-01',
    });
    const abroad = await buildOpportunity(context, {
      ownerId: us.id,
      accountId: account.id,
      closeDate: '2026-10-01',
    });
    clock.advanceDays(30);
    await buildOpportunity(context, { ownerId: emea.id, accountId: account.id, closeDate: '2027-06-30' });

    const byHealth = await listDealsAtRisk(
      context,
      actor(emea.id, { region: 'emea' }),
      atRiskQuery.parse({}),
    );
    if (!byHealth.ok) throw new Error(byHealth.error.message);
    expect(byHealth.value.scanned).toBe(3);
    expect(byHealth.value.items.map((item) => item.opportunity.id)).toEqual([overdue.id, stalled.id]);
    const [first] = byHealth.value.items;
    expect(first?.inspection.health.reasons.map((reason) => reason.indicator)).toContain('timeline_pressure');
    expect(first?.inspection.velocity).toMatchObject({ class: 'at_risk', stage: 'created' });
    expect(byHealth.value.items.some((item) => item.opportunity.id === abroad.id)).toBe(false);

    const byAmount = await listDealsAtRisk(
      context,
      actor(emea.id, { region: 'emea' }),
      atRiskQuery.parse({ sort: 'amount' }),
    );
    expect(byAmount.ok && byAmount.value.items.map((item) => item.opportunity.amountMinor)).toEqual([
      9_000_00, 5_000_00,
    ]);
    const otherRegion = await listDealsAtRisk(
      context,
      actor(emea.id, { region: 'emea' }),
      atRiskQuery.parse({ region: 'americas' }),
    );
    expect(otherRegion.ok && otherRegion.value.items).toEqual([]);
  });
});
