import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  buildAccount,
  buildOpportunity,
  buildUser,
  testContext,
} from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { recordContract } from '../contracts/record-contract.js';
import { loadDealEvidence } from './deal-evidence.js';
import { inspectOpportunity } from './inspect-opportunity.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const NOW = new Date('2026-11-02T09:00:00Z');

async function customerWithContracts(
  context: ReturnType<typeof testContext>['context'],
  ownerId: string,
  contracts: Array<{ startDate: string; endDate: string; tcvMinor: number; currency?: string }>,
  selfServeUsage = false,
) {
  const account = await buildAccount(database.db, { ownerId, selfServeUsage });
  for (const terms of contracts) {
    const recorded = await recordContract(context, admin(), account.id, { currency: 'USD', ...terms });
    if (!recorded.ok) throw new Error(recorded.error.message);
  }
  return account;
}

describe('the customer part of an inspection, from recorded contracts', () => {
  it('classifies the account, checks the type and measures a renewal against the latest-ending contract', async () => {
    const { context } = testContext(database.db, NOW);
    const owner = await buildUser(database.db, { role: 'csm', region: 'emea' });
    const account = await customerWithContracts(context, owner.id, [
      { startDate: '2021-01-01', endDate: '2023-12-31', tcvMinor: 50_000_00 },
      { startDate: '2024-01-01', endDate: '2026-12-31', tcvMinor: 100_000_00 },
    ]);
    const mistyped = await buildOpportunity(context, {
      ownerId: owner.id,
      accountId: account.id,
      type: 'renewal',
      amountMinor: 135_000_00,
      source: 'customer_success',
    });
    const result = await inspectOpportunity(context, admin(), mistyped.id);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.customer).toMatchObject({
      fits: true,
      customerClass: 'commit_customer',
      activeContract: { endDate: '2026-12-31', tcvMinor: 100_000_00 },
      uplift: {
        fits: false,
        upliftPct: 35,
        expectedType: 'expansion',
        message: 'This is an Expansion (35% uplift, at or above 20%); typed as Renewal.',
      },
    });

    // The type rule refuses New Business on a commit customer; an admin forced it, so the inspection says why.
    const newBusiness = await buildOpportunity(context, {
      ownerId: owner.id,
      accountId: account.id,
      override: { justification: 'Booked as new business by the customer’s request' },
    });
    const nb = await inspectOpportunity(context, admin(), newBusiness.id);
    expect(nb.ok && nb.value.customer).toMatchObject({
      fits: false,
      customerClass: 'commit_customer',
      uplift: null,
      message:
        'New Business is for a New Prospect or PLG Customer; this account is a Commit Customer, for which the playbook has Upsell, Renewal, Expansion.',
    });
  });

  it('loads the class of many accounts at once: lapsed, PLG, prospect, commit', async () => {
    const { context } = testContext(database.db, NOW);
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const lapsed = await customerWithContracts(context, owner.id, [
      { startDate: '2022-01-01', endDate: '2025-12-31', tcvMinor: 80_000_00 },
    ]);
    const plg = await customerWithContracts(context, owner.id, [], true);
    const prospect = await customerWithContracts(context, owner.id, []);
    const commit = await customerWithContracts(context, owner.id, [
      { startDate: '2026-01-01', endDate: '2027-12-31', tcvMinor: 80_000_00, currency: 'EUR' },
    ]);
    const deals = [];
    for (const [account, type] of [
      [lapsed, 'renewal'],
      [plg, 'new_business'],
      [prospect, 'new_business'],
      [commit, 'expansion'],
      [commit, 'upsell'],
    ] as const) {
      deals.push(
        await buildOpportunity(context, {
          ownerId: owner.id,
          accountId: account.id,
          type,
          source: type === 'new_business' ? 'ae' : 'customer_success',
          // The lapsed account's Renewal no longer fits: it was forced, as an admin may.
          ...(account === lapsed && { override: { justification: 'Late renewal' } }),
        }),
      );
    }
    const evidence = await loadDealEvidence(database.db, deals, NOW, 'validation');
    expect(evidence.map((entry) => [entry.customer.selfServeUsage, entry.customer.contracts.length])).toEqual(
      [
        [false, 1],
        [true, 0],
        [false, 0],
        [false, 1],
        [false, 1],
      ],
    );
    const inspections = await Promise.all(deals.map((deal) => inspectOpportunity(context, admin(), deal.id)));
    expect(
      inspections.map(
        (result) => result.ok && [result.value.customer.customerClass, result.value.customer.fits],
      ),
    ).toEqual([
      ['new_prospect', false],
      ['plg', true],
      ['new_prospect', true],
      ['commit_customer', true],
      ['commit_customer', true],
    ]);
    const [lapsedRenewal, , , foreignCurrency] = inspections;
    expect(lapsedRenewal?.ok && lapsedRenewal.value.customer.uplift?.previousContract?.endDate).toBe(
      '2025-12-31',
    );
    expect(foreignCurrency?.ok && foreignCurrency.value.customer.uplift?.message).toBe(
      'Cannot compare: the deal is in USD, the contract ending 2027-12-31 in EUR.',
    );
  });
});
