import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actor,
  admin,
  buildAccount,
  buildContact,
  buildOpportunity,
  buildUser,
  logCall,
  testContext,
} from '../../../test/support/factories.js';
import { northwind } from '../../../test/support/playbook-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { actorFor } from '../access/actors.js';
import { PocPlayer } from '../demo/play-poc.js';
import { changeStage } from '../opportunities/change-stage.js';
import { setMeddpicc } from '../opportunities/set-meddpicc.js';
import { updateOpportunity } from '../opportunities/update-opportunity.js';
import { inspectOpportunity } from './inspect-opportunity.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('inspecting a deal', () => {
  it('reads timeline pressure, stakeholder changes and overrides from its history, with evidence', async () => {
    const clock = testContext(database.db, new Date('2026-09-01T09:00:00Z'));
    const { context } = clock;
    const rvp = await buildUser(database.db, { role: 'rvp', region: 'emea' });
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea', managerId: rvp.id });
    const account = await buildAccount(database.db, { ownerId: owner.id });
    const first = await buildContact(database.db, account.id, { name: 'First Champion' });
    const second = await buildContact(database.db, account.id, { name: 'Second Champion' });
    const deal = await buildOpportunity(context, {
      ownerId: owner.id,
      accountId: account.id,
      closeDate: '2026-10-15',
    });
    const me = actor(owner.id, { role: 'ae', region: 'emea', managerId: rvp.id });
    await setMeddpicc(context, me, deal.id, 'champion', {
      level: 'validated',
      summary: 'Sponsor',
      contactId: first.id,
    });
    clock.advanceDays(10);
    await updateOpportunity(context, me, deal.id, { closeDate: '2026-11-30' });
    clock.advanceDays(10);
    await updateOpportunity(context, me, deal.id, { closeDate: '2027-01-31' });
    await setMeddpicc(context, me, deal.id, 'champion', {
      level: 'identified',
      summary: 'New sponsor',
      contactId: second.id,
    });
    const forced = await changeStage(context, actorFor(rvp), deal.id, {
      to: 'discover',
      override: { justification: 'Exec sponsor asked us to move fast' },
    });
    expect(forced.ok).toBe(true);
    await logCall(context, me, deal.id, 'Weekly sync with the new sponsor');
    clock.advanceDays(5);

    const result = await inspectOpportunity(context, admin(), deal.id);
    if (!result.ok) throw new Error(result.error.message);
    const reasons = Object.fromEntries(
      result.value.health.reasons.map((reason) => [reason.indicator, reason.evidence]),
    );
    expect(reasons.timeline_pressure).toEqual(['Close date pushed 2 times in 90 days.']);
    expect(reasons.stakeholder_changes?.[0]).toMatch(/Champion changed to another person/);
    expect(reasons.gate_override).toEqual([
      `Gate to discover overridden by ${rvp.id}: Exec sponsor asked us to move fast`,
    ]);
    // Judged against Discover: the Economic Buyer was needed to leave Opportunity Created; the Decision
    // Criteria are not asked for before the POC, so they are no risk yet.
    expect(reasons.incomplete_qualification).toEqual([
      'Economic Buyer is unknown; identified was needed to leave Opportunity Created.',
    ]);
    expect(reasons.no_recent_activity).toBeUndefined();
    expect(result.value.health.score).toBe(60 - 10 - 12 - 10 - 15);
    expect(result.value.health.band).toBe('red');
    expect(result.value.velocity).toMatchObject({
      stage: 'discover',
      daysInStage: 4,
      expectedDays: 20,
      class: 'standard',
    });
    expect(result.value.expected).toEqual({ source: 'playbook', closedDeals: 0 });
    expect(result.value.customer).toMatchObject({ fits: true, customerClass: 'new_prospect' });
    expect(
      result.value.meddpicc.gaps.filter((gap) => gap.severity === 'high').map((gap) => gap.element),
    ).toEqual(['economic_buyer', 'identify_pain', 'competition', 'metrics', 'decision_process']);
  });

  it.each([
    ['succeeded', 'poc_success'],
    ['challenged', 'poc_challenges'],
  ] as const)('counts a %s POC in health', async (outcome, indicator) => {
    const { context } = testContext(database.db);
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const account = await buildAccount(database.db, { ownerId: owner.id });
    const champion = await buildContact(database.db, account.id);
    const deal = await buildOpportunity(context, { ownerId: owner.id, accountId: account.id });
    await database.db.updateTable('opportunities').set({ stage: 'poc' }).where('id', '=', deal.id).execute();
    await new PocPlayer(context, deal.id, champion.id).run(admin(), outcome);
    const result = await inspectOpportunity(context, admin(), deal.id);
    if (!result.ok) throw new Error(result.error.message);
    const reason = result.value.health.reasons.find((candidate) => candidate.indicator === indicator);
    expect(reason?.evidence[0]).toBe(outcome === 'succeeded' ? 'POC succeeded.' : 'POC challenged.');
  });

  it('on a BANT playbook, reads the people from the roles: a new Authority is a stakeholder change', async () => {
    const { context, advanceDays } = testContext(database.db, undefined, northwind());
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const account = await buildAccount(database.db, { ownerId: owner.id });
    const first = await buildContact(database.db, account.id, { name: 'First Signer' });
    const second = await buildContact(database.db, account.id, { name: 'Second Signer' });
    const deal = await buildOpportunity(context, {
      ownerId: owner.id,
      accountId: account.id,
      type: 'first_cell',
      currency: 'EUR',
      source: 'field_sales',
    });
    const me = actor(owner.id, { role: 'ae', region: 'emea' });
    for (const element of ['budget', 'need', 'timeline']) {
      const set = await setMeddpicc(context, me, deal.id, element, { level: 'validated', summary: 'Known' });
      expect(set.ok).toBe(true);
    }
    await setMeddpicc(context, me, deal.id, 'authority', {
      level: 'validated',
      summary: 'Plant director',
      contactId: first.id,
    });
    // Budget downgraded: it names no person and plays no role, so it is no stakeholder change.
    await setMeddpicc(context, me, deal.id, 'budget', { level: 'identified', summary: 'Range only' });
    await setMeddpicc(context, me, deal.id, 'budget', { level: 'validated', summary: 'Budget line' });
    const before = await inspectOpportunity(context, admin(), deal.id);
    if (!before.ok) throw new Error(before.error.message);
    expect(before.value.health.reasons.map((reason) => reason.indicator)).toEqual([
      'qualification_complete',
      'decision_process_clarity',
    ]);
    expect(before.value.health.reasons[0]?.evidence).toEqual(['All 4 BANT elements validated.']);

    advanceDays(1);
    await setMeddpicc(context, me, deal.id, 'authority', {
      level: 'validated',
      summary: 'New plant director',
      contactId: second.id,
    });
    const after = await inspectOpportunity(context, admin(), deal.id);
    if (!after.ok) throw new Error(after.error.message);
    const change = after.value.health.reasons.find((reason) => reason.indicator === 'stakeholder_changes');
    expect(change?.evidence).toEqual([expect.stringMatching(/: Authority changed to another person\.$/)]);
    expect(after.value.health.score).toBe(before.value.health.score + (change?.points ?? 0));
    expect(change?.points).toBeLessThan(0);
  });

  it('is hidden from those who may not see the deal', async () => {
    const { context } = testContext(database.db);
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const deal = await buildOpportunity(context, {
      ownerId: owner.id,
      accountId: (await buildAccount(database.db, { ownerId: owner.id })).id,
    });
    const stranger = actor((await buildUser(database.db, { role: 'ae', region: 'americas' })).id, {
      region: 'americas',
    });
    const result = await inspectOpportunity(context, stranger, deal.id);
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
  });
});
