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
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { attestCriterion } from './attest-criterion.js';
import { changeStage } from './change-stage.js';
import { getOpportunity } from './get-opportunity.js';
import { getOpportunityHistory } from './get-opportunity-history.js';
import { setMeddpicc } from './set-meddpicc.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const { context, advanceDays } = testContext(database.db);
  const owner = await buildUser(database.db);
  const account = await buildAccount(database.db);
  const buyer = await buildContact(database.db, account.id, { name: 'Eve Buyer' });
  const champion = await buildContact(database.db, account.id, { name: 'Chris Champion' });
  const opportunity = await buildOpportunity(context, {
    ownerId: owner.id,
    accountId: account.id,
    source: 'ae',
  });
  const me = actor(owner.id);
  const satisfyCreated = async () => {
    for (const [element, contactId] of [
      ['economic_buyer', buyer.id],
      ['identify_pain', null],
      ['champion', champion.id],
      ['competition', null],
    ] as const) {
      const result = await setMeddpicc(context, me, opportunity.id, element, {
        level: 'identified',
        summary: 'Known',
        contactId,
      });
      expect(result.ok).toBe(true);
    }
    await logCall(context, me, opportunity.id, 'Discovery with the data team');
    for (const criterion of [
      'nb_lead_captured',
      'nb_icp_fit',
      'nb_pressing_need',
      'nb_budget_authority_timeline',
    ]) {
      const result = await attestCriterion(context, me, opportunity.id, criterion, {
        kind: 'attest',
        input: { note: 'Done' },
      });
      expect(result.ok).toBe(true);
    }
  };
  return { context, advanceDays, me, opportunity, satisfyCreated, account };
}

async function stageRows(opportunityId: string) {
  return database.db
    .selectFrom('opportunity_stage_changes')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .execute();
}

describe('changing stage', () => {
  it('refuses a blocked move with the missing list and changes nothing', async () => {
    const { context, me, opportunity } = await setup();
    const before = await getOpportunity(context, admin(), opportunity.id);
    const eventsBefore = await getOpportunityHistory(context, admin(), opportunity.id, { limit: 200 });
    const result = await changeStage(context, me, opportunity.id, { to: 'discover' });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'gate_blocked') throw new Error('expected gate_blocked');
    const keys = result.error.missing.map((missing) => `${missing.kind}:${missing.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'criterion:nb_initial_meddpicc',
        'criterion:nb_call_notes',
        'meddpicc:economic_buyer',
        'criterion:nb_pressing_need',
      ]),
    );
    expect(result.error.missing.every((missing) => missing.message.length > 0 && missing.stage)).toBe(true);
    const after = await getOpportunity(context, admin(), opportunity.id);
    expect(after.ok && after.value.opportunity).toEqual(before.ok && before.value.opportunity);
    const eventsAfter = await getOpportunityHistory(context, admin(), opportunity.id, { limit: 200 });
    expect(eventsAfter.ok && eventsAfter.value.items.length).toBe(
      eventsBefore.ok && eventsBefore.value.items.length,
    );
    expect(await stageRows(opportunity.id)).toHaveLength(1);
  });

  it('moves a satisfied deal, derives probability and forecast category, and records the gate snapshot', async () => {
    const { context, me, opportunity, satisfyCreated, advanceDays } = await setup();
    await satisfyCreated();
    advanceDays(3);
    const result = await changeStage(context, me, opportunity.id, { to: 'discover' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.opportunity).toMatchObject({
      stage: 'discover',
      probability: 10,
      forecastCategory: 'pipeline',
    });
    expect(result.value.opportunity.stageEnteredAt).toEqual(context.now());
    const history = await getOpportunityHistory(context, admin(), opportunity.id, { limit: 200 });
    const moved = history.ok
      ? history.value.items.find((event) => event.action === 'opportunity.stage_changed')
      : undefined;
    expect(moved?.actorId).toBe(me.id);
    expect(moved?.gate).toMatchObject({ from: 'created', to: 'discover', kind: 'advance', override: null });
    const gate = moved?.gate as {
      checks: Array<{ key: string; activityId?: string; attestation?: { by: string; note: string } }>;
    };
    const icp = gate.checks.find((check) => check.key === 'nb_icp_fit');
    expect(icp?.attestation).toMatchObject({ by: me.id, note: 'Done' });
    const notes = gate.checks.find((check) => check.key === 'nb_call_notes');
    expect(notes?.activityId).toMatch(/^act_/);
    const rows = await stageRows(opportunity.id);
    expect(rows.map((row) => [row.from_stage, row.to_stage, row.kind])).toEqual([
      [null, 'created', 'create'],
      ['created', 'discover', 'advance'],
    ]);
  });

  it('tells what the next stage still needs', async () => {
    const { context, opportunity, satisfyCreated } = await setup();
    const before = await getOpportunity(context, admin(), opportunity.id);
    expect(before.ok && before.value.nextStage?.ready).toBe(false);
    await satisfyCreated();
    const after = await getOpportunity(context, admin(), opportunity.id);
    expect(after.ok && after.value.nextStage).toMatchObject({ stage: 'discover', ready: true, missing: [] });
  });

  it('refuses a write based on a stale version', async () => {
    const { context, me, opportunity } = await setup();
    const result = await changeStage(
      context,
      me,
      opportunity.id,
      { to: 'closed_lost', lossReason: 'budget' },
      opportunity.version + 5,
    );
    expect(result.ok ? 'ok' : result.error.code).toBe('precondition_failed');
    const moved = await changeStage(
      context,
      me,
      opportunity.id,
      { to: 'closed_lost', lossReason: 'budget' },
      opportunity.version,
    );
    expect(moved.ok && moved.value.opportunity).toMatchObject({
      stage: 'closed_lost',
      lossReason: 'budget',
      forecastCategory: 'omitted',
    });
    expect(moved.ok && moved.value.opportunity.closedAt).toEqual(context.now());
    expect(moved.ok && moved.value.opportunity.closeDate).toBe(context.now().toISOString().slice(0, 10));
  });

  it('answers not found for an unknown deal', async () => {
    const { context, me } = await setup();
    const result = await changeStage(context, me, 'opp_missing', { to: 'discover' });
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
  });
});

describe('qualification data', () => {
  it('needs a summary beyond unknown and a contact of the account for people', async () => {
    const { context, me, opportunity } = await setup();
    const noSummary = await setMeddpicc(context, me, opportunity.id, 'metrics', { level: 'identified' });
    expect(
      noSummary.ok ? [] : noSummary.error.code === 'validation_failed' && noSummary.error.issues,
    ).toEqual([{ path: 'summary', message: 'a identified element needs a summary' }]);
    const noContact = await setMeddpicc(context, me, opportunity.id, 'champion', {
      level: 'identified',
      summary: 'Chris',
    });
    expect(
      noContact.ok ? [] : noContact.error.code === 'validation_failed' && noContact.error.issues[0]?.path,
    ).toBe('contactId');
    const stranger = await buildContact(database.db, (await buildAccount(database.db)).id);
    const foreign = await setMeddpicc(context, me, opportunity.id, 'champion', {
      level: 'identified',
      summary: 'x',
      contactId: stranger.id,
    });
    expect(
      foreign.ok ? [] : foreign.error.code === 'validation_failed' && foreign.error.issues[0]?.message,
    ).toMatch(/not a contact/);
    const unknown = await setMeddpicc(context, me, opportunity.id, 'budget', {
      level: 'identified',
      summary: 'x',
    });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('validation_failed');
  });

  it('refuses to tick derived criteria and evidence-less evidence criteria', async () => {
    const { context, me, opportunity } = await setup();
    const derived = await attestCriterion(context, me, opportunity.id, 'nb_initial_meddpicc', {
      kind: 'attest',
      input: {},
    });
    expect(derived.ok ? '' : derived.error.message).toMatch(/derived/);
    const evidenceFromVendors = await attestCriterion(context, me, opportunity.id, 'nb_quote_signed', {
      kind: 'attest',
      input: { evidenceUrl: 'https://docs.example.com/signed.pdf' },
    });
    expect(evidenceFromVendors.ok ? '' : evidenceFromVendors.error.message).toMatch(/derived/);
    const evidence = await attestCriterion(context, me, opportunity.id, 'nb_agreements_signed', {
      kind: 'attest',
      input: {},
    });
    expect(
      evidence.ok ? '' : evidence.error.code === 'validation_failed' && evidence.error.issues[0]?.path,
    ).toBe('evidenceUrl');
    const otherPipeline = await attestCriterion(context, me, opportunity.id, 'rn_csm_outreach', {
      kind: 'attest',
      input: {},
    });
    expect(otherPipeline.ok ? 'ok' : otherPipeline.error.code).toBe('validation_failed');
  });

  it('bumps the deal version and records who attested, and withdrawal, in history', async () => {
    const { context, me, opportunity } = await setup();
    await attestCriterion(context, me, opportunity.id, 'nb_icp_fit', {
      kind: 'attest',
      input: { note: 'ICP tier 1' },
    });
    await attestCriterion(context, me, opportunity.id, 'nb_icp_fit', { kind: 'withdraw' });
    const view = await getOpportunity(context, admin(), opportunity.id);
    expect(view.ok && view.value.opportunity.version).toBe(opportunity.version + 2);
    expect(view.ok && view.value.attestations).toEqual([]);
    const history = await getOpportunityHistory(context, admin(), opportunity.id, { limit: 200 });
    expect(history.ok && history.value.items.map((event) => event.action)).toEqual([
      'opportunity.created',
      'opportunity.criterion_attested',
      'opportunity.criterion_withdrawn',
    ]);
  });
});
