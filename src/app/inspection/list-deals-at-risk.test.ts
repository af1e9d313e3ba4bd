import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actor,
  buildAccount,
  buildContact,
  buildOpportunity,
  buildUser,
  logCall,
  testContext,
} from '../../../test/support/factories.js';
import { refreshAsOfNow } from '../../../test/support/stored-inspection.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { setMeddpicc } from '../opportunities/set-meddpicc.js';
import { snoozeStall } from '../opportunities/snooze-stall.js';
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
    await refreshAsOfNow(context); // the daily refresh: a month has passed
    await buildOpportunity(context, { ownerId: emea.id, accountId: account.id, closeDate: '2027-06-30' });

    const byHealth = await listDealsAtRisk(
      context,
      actor(emea.id, { region: 'emea' }),
      atRiskQuery.parse({}),
    );
    if (!byHealth.ok) throw new Error(byHealth.error.message);
    expect(byHealth.value.items.map((item) => item.opportunity.id)).toEqual([overdue.id, stalled.id]);
    const [first] = byHealth.value.items;
    expect(first?.inspection.health.reasons.map((reason) => reason.indicator)).toContain('timeline_pressure');
    expect(first?.inspection.velocity).toMatchObject({ class: 'at_risk', stage: 'created' });
    // As stored by the refresh a month in, under the playbook version in force.
    expect(first?.inspection.computedAt).toEqual(context.now());
    expect(first?.inspection.playbookVersion).toBe(0);
    expect(first && 'customer' in first.inspection).toBe(false);
    expect(byHealth.value.items.some((item) => item.opportunity.id === abroad.id)).toBe(false);
    expect(byHealth.value.totals).toEqual({
      deals: 2,
      amounts: [{ currency: 'USD', amountMinor: '1400000' }],
    });
    expect(byHealth.value.byOwner).toEqual([
      { ownerId: emea.id, deals: 2, amounts: [{ currency: 'USD', amountMinor: '1400000' }] },
    ]);
    // Each leads with one thing to fix: the heaviest risk of a red deal.
    expect(first?.inspection.fixFirst).toEqual({
      cause: 'incomplete_qualification',
      action: 'Complete the qualification',
      why: expect.stringMatching(
        /^Economic Buyer unknown with \d+ of 10 business days of Opportunity Created gone/,
      ),
    });

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

  it('pages through the whole list with the cursor, each item named by its account', async () => {
    const clock = testContext(database.db, new Date('2026-09-01T09:00:00Z'));
    const { context } = clock;
    const owner = await buildUser(database.db, { role: 'ae', region: 'benelux' });
    const me = actor(owner.id, { region: 'benelux' });
    const account = await buildAccount(database.db, { ownerId: owner.id, name: 'Rotterdam Freight' });
    const amounts = [3, 7, 7, 1, 9].map((thousands) => thousands * 1_000_00);
    for (const amountMinor of amounts) {
      await buildOpportunity(context, { ownerId: owner.id, accountId: account.id, amountMinor });
    }
    clock.advanceDays(30);
    await refreshAsOfNow(context);
    const seen: string[] = [];
    const seenAmounts: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await listDealsAtRisk(
        context,
        me,
        atRiskQuery.parse({ sort: 'amount', limit: 2, cursor }),
      );
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.items.length).toBeLessThanOrEqual(2);
      for (const item of result.value.items) {
        seen.push(item.opportunity.id);
        seenAmounts.push(item.opportunity.amountMinor);
        expect(item.account).toEqual({ id: account.id, name: 'Rotterdam Freight' });
      }
      cursor = result.value.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(5);
    expect(seenAmounts).toEqual([...amounts].sort((a, b) => b - a));
    const bad = await listDealsAtRisk(context, me, atRiskQuery.parse({ cursor: 'bm90LWEtY3Vyc29y' }));
    expect(bad.ok ? 'ok' : bad.error.code).toBe('validation_failed');
  });
});

describe('snoozed stalls', () => {
  it('leave the at-risk list until the resume date, and need a reason and a sensible date', async () => {
    const clock = testContext(database.db, new Date('2026-09-01T09:00:00Z'));
    const { context } = clock;
    const owner = await buildUser(database.db, { role: 'ae', region: 'nordics' });
    const me = actor(owner.id, { region: 'nordics' });
    const account = await buildAccount(database.db, { ownerId: owner.id });
    const deal = await buildOpportunity(context, {
      ownerId: owner.id,
      accountId: account.id,
      closeDate: '2027-06-30',
    });
    // Qualified and worked, but stuck: only its velocity puts it on the list.
    const contact = await buildContact(database.db, account.id);
    for (const element of ['economic_buyer', 'champion'] as const) {
      const set = await setMeddpicc(context, me, deal.id, element, {
        level: 'identified',
        summary: 'Known',
        contactId: contact.id,
      });
      expect(set.ok).toBe(true);
    }
    clock.advanceDays(30);
    await logCall(context, me, deal.id, 'Still waiting on the budget');
    await refreshAsOfNow(context); // the daily refresh: a month has passed
    const listed = async () => {
      const result = await listDealsAtRisk(context, me, atRiskQuery.parse({}));
      return result.ok ? result.value.items.map((item) => item.opportunity.id) : [];
    };
    expect(await listed()).toEqual([deal.id]);

    const tooFar = await snoozeStall(context, me, deal.id, { until: '2027-12-31', reason: 'Budget freeze' });
    expect(tooFar.ok ? 'ok' : tooFar.error.code).toBe('validation_failed');
    const snoozed = await snoozeStall(context, me, deal.id, {
      until: '2026-10-15',
      reason: 'Budget freeze until Q4',
    });
    expect(snoozed.ok && snoozed.value.stallSnooze).toEqual({
      until: '2026-10-15',
      reason: 'Budget freeze until Q4',
    });
    expect(await listed()).toEqual([]);

    clock.setNow(new Date('2026-10-16T09:00:00Z'));
    await refreshAsOfNow(context); // the first refresh after the resume date
    expect(await listed()).toEqual([deal.id]);
  });
});
