import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
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
import { accountsCsv, OWNER_EMAILS, opportunitiesCsv } from '../../../test/support/salesforce-export.js';
import { expectStoredMatchesFresh, readStoredInspection } from '../../../test/support/stored-inspection.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { saveExpectations } from '../../db/repositories/deal-inspections-repo.js';
import { actorFor } from '../access/actors.js';
import { removeActivity, updateActivity } from '../activities/change-activity.js';
import { importSalesforce } from '../imports/import-salesforce.js';
import { parseImportMapping } from '../imports/load-import-mapping.js';
import { recordMilestone, withdrawMilestone } from '../milestones/record-milestone.js';
import { attestCriterion } from '../opportunities/attest-criterion.js';
import { changeStage } from '../opportunities/change-stage.js';
import { setMeddpicc } from '../opportunities/set-meddpicc.js';
import { snoozeStall } from '../opportunities/snooze-stall.js';
import { updateOpportunity } from '../opportunities/update-opportunity.js';
import { updatePocSession } from '../poc/change-poc-sessions.js';
import { createPocPlan } from '../poc/create-poc-plan.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function dealOfOwnAe(start = new Date('2026-09-01T09:00:00Z')) {
  const clock = testContext(database.db, start);
  const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
  const account = await buildAccount(database.db, { ownerId: owner.id });
  const deal = await buildOpportunity(clock.context, { ownerId: owner.id, accountId: account.id });
  return { ...clock, deal, me: actor(owner.id, { role: 'ae', region: 'emea' }) };
}

describe('the inspection stored with each open deal', () => {
  it('is written when the deal is created, and equals a fresh inspection', async () => {
    const { context, deal } = await dealOfOwnAe();
    const stored = await expectStoredMatchesFresh(context, deal.id);
    expect(stored?.owner_id).toBe(deal.ownerId);
    expect(stored?.playbook_version).toBe(0);
  });

  it('follows a close-date push in the same transaction', async () => {
    const { context, deal, me, advanceDays } = await dealOfOwnAe();
    advanceDays(3);
    const pushed = await updateOpportunity(context, me, deal.id, { closeDate: '2027-06-30' });
    expect(pushed.ok).toBe(true);
    const afterPush = await expectStoredMatchesFresh(context, deal.id);
    expect(afterPush?.close_date).toBe('2027-06-30');
  });

  it('follows a stage change judged on what the change read (an override into the next stage)', async () => {
    const { context, deal, advanceDays } = await dealOfOwnAe();
    const rvp = await buildUser(database.db, { role: 'rvp', region: 'emea' });
    advanceDays(4);
    await logCall(context, admin(), deal.id, 'Kick-off call');
    const moved = await changeStage(context, actorFor(rvp), deal.id, {
      to: 'discover',
      override: { justification: 'Exec sponsor asked us to move fast' },
    });
    expect(moved.ok).toBe(true);
    const stored = await expectStoredMatchesFresh(context, deal.id);
    const reasons = (stored.detail as { health: { reasons: { indicator: string }[] } }).health.reasons;
    expect(reasons.map((reason) => reason.indicator)).toContain('gate_override');
  });

  it('is removed when the deal closes', async () => {
    const { context, deal, me } = await dealOfOwnAe();
    expect(await readStoredInspection(database.db, deal.id)).toBeDefined();
    const lost = await changeStage(context, me, deal.id, { to: 'closed_lost', lossReason: 'budget' });
    expect(lost.ok).toBe(true);
    expect(await readStoredInspection(database.db, deal.id)).toBeUndefined();
  });
});

/** Unwraps a use case's answer (the test fails on a refusal, with its message). */
function done<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('every change that inspection reads rewrites the stored row in its transaction', () => {
  it('MEDDPICC: a champion named, then downgraded', async () => {
    const { context, deal, me, advanceDays } = await dealOfOwnAe();
    const champion = await buildContact(database.db, deal.accountId);
    advanceDays(1);
    done(
      await setMeddpicc(context, me, deal.id, 'champion', {
        level: 'validated',
        summary: 'Sponsors the project',
        contactId: champion.id,
      }),
    );
    const named = await expectStoredMatchesFresh(context, deal.id);
    advanceDays(1);
    done(
      await setMeddpicc(context, me, deal.id, 'champion', {
        level: 'identified',
        summary: 'Less sure',
        contactId: champion.id,
      }),
    );
    const downgraded = await expectStoredMatchesFresh(context, deal.id);
    expect(downgraded?.meddpicc_score).toBeLessThan(named?.meddpicc_score ?? 0);
  });

  it('an attestation and its withdrawal', async () => {
    const { context, deal, me, advanceDays } = await dealOfOwnAe();
    advanceDays(1);
    done(
      await attestCriterion(context, me, deal.id, 'nb_icp_fit', {
        kind: 'attest',
        input: { note: 'Tier 1' },
      }),
    );
    await expectStoredMatchesFresh(context, deal.id);
    advanceDays(1);
    done(await attestCriterion(context, me, deal.id, 'nb_icp_fit', { kind: 'withdraw' }));
    await expectStoredMatchesFresh(context, deal.id);
  });

  it('activities logged, changed and removed (the last activity moves)', async () => {
    const { context, deal, me, advanceDays } = await dealOfOwnAe();
    advanceDays(20);
    const call = await logCall(context, me, deal.id, 'Budget call');
    const logged = await expectStoredMatchesFresh(context, deal.id);
    advanceDays(1);
    done(
      await updateActivity(context, me, call.id, {
        summary: 'Budget call, notes',
        occurredAt: deal.createdAt,
      }),
    );
    await expectStoredMatchesFresh(context, deal.id);
    advanceDays(1);
    done(await removeActivity(context, me, call.id));
    const removed = await expectStoredMatchesFresh(context, deal.id);
    expect(removed?.health_score).not.toBe(logged?.health_score);
  });

  it('a stall snoozed and resumed', async () => {
    const { context, deal, me, advanceDays } = await dealOfOwnAe();
    advanceDays(40);
    done(await snoozeStall(context, me, deal.id, { until: '2026-10-30', reason: 'Budget freeze' }));
    await expectStoredMatchesFresh(context, deal.id);
    advanceDays(1);
    done(await snoozeStall(context, me, deal.id, null));
    await expectStoredMatchesFresh(context, deal.id);
  });

  it('a POC plan created and a session held, a milestone recorded and withdrawn', async () => {
    const { context, deal, me, advanceDays } = await dealOfOwnAe();
    await database.db.updateTable('opportunities').set({ stage: 'poc' }).where('id', '=', deal.id).execute();
    advanceDays(1);
    const { plan } = done(await createPocPlan(context, me, deal.id));
    await expectStoredMatchesFresh(context, deal.id);
    advanceDays(1);
    const first = plan.sessions[0]?.id ?? '';
    done(await updatePocSession(context, me, deal.id, first, { status: 'completed' }));
    await expectStoredMatchesFresh(context, deal.id);
    advanceDays(1);
    done(await recordMilestone(context, me, deal.id, 'tech_win', { note: 'Validated' }));
    await expectStoredMatchesFresh(context, deal.id);
    advanceDays(1);
    done(await withdrawMilestone(context, me, deal.id, 'tech_win'));
    await expectStoredMatchesFresh(context, deal.id);
  });

  it('an import: every deal of the batch, created or updated', async () => {
    const clock = testContext(database.db, new Date('2026-09-01T09:00:00Z'));
    for (const email of OWNER_EMAILS) await buildUser(database.db, { email, role: 'ae' });
    const file = 'imports/salesforce-mapping.example.yaml';
    const parsed = parseImportMapping(await readFile(file, 'utf8'), file, clock.context.playbook);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const run = (amountOf?: (index: number) => string) =>
      importSalesforce(clock.context, admin(), {
        accounts: Readable.from([accountsCsv(20)]),
        opportunities: Readable.from([opportunitiesCsv(30, 20, amountOf ? { amountOf } : {}).csv]),
        mapping: parsed.value,
        mode: 'all_or_nothing',
        rowsTotal: 0,
      });
    done(await run());
    const deals = await database.db
      .selectFrom('opportunities')
      .select('id')
      .where('external_source', '=', 'salesforce')
      .where('closed_at', 'is', null)
      .execute();
    expect(deals.length).toBeGreaterThan(0);
    for (const { id } of deals) await expectStoredMatchesFresh(clock.context, id);
    clock.advanceDays(2);
    done(await run((index) => `${5000 + index}.00`));
    for (const { id } of deals) await expectStoredMatchesFresh(clock.context, id);
  });
});

describe('expected durations from closed deals', () => {
  it('stores a median of half a day as it is', async () => {
    const { context } = testContext(database.db, new Date('2026-09-01T09:00:00Z'));
    const pipeline = context.playbook.pipelines.find((candidate) => candidate.key === 'new_business');
    const days = Object.fromEntries((pipeline?.stages ?? []).map((stage) => [stage.key, 24.5]));
    await saveExpectations(
      database.db,
      'new_business',
      { source: 'history', closedDeals: 40, days },
      context.now(),
      0,
    );
    const { deal } = await dealOfOwnAe();
    const stored = await expectStoredMatchesFresh(context, deal.id);
    expect(stored?.expected_days).toBe(24.5);
    expect(stored?.detail).toMatchObject({ velocity: { expectedDays: 24.5 } });
  });
});
