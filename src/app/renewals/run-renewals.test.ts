import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  buildAccount,
  buildOpportunity,
  buildUser,
  T0,
  testContext,
} from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { recordContract } from '../contracts/record-contract.js';
import { getOpportunity } from '../opportunities/get-opportunity.js';
import { runRenewals } from './run-renewals.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

// T0 is 2026-11-02: with 120 lead days, contracts ending up to 2027-03-02 are due.
async function accountWithContract(endDate: string, options: { csm?: boolean } = {}) {
  const { context } = testContext(database.db);
  const owner = await buildUser(database.db, { role: 'ae', region: 'americas' });
  const csm = options.csm ? await buildUser(database.db, { role: 'csm', region: 'americas' }) : null;
  const account = await buildAccount(database.db, { ownerId: owner.id, name: `Acme ${endDate}` });
  if (csm) {
    await database.db.updateTable('accounts').set({ csm_id: csm.id }).where('id', '=', account.id).execute();
  }
  const terms = { startDate: '2025-01-01', endDate, tcvMinor: 240_000_00, currency: 'EUR' };
  const recorded = await recordContract(context, admin(), account.id, terms);
  if (!recorded.ok) throw new Error(recorded.error.message);
  return { account, owner, csm, contract: recorded.value.contract };
}

const renewalsOf = (contractId: string) =>
  database.db.selectFrom('opportunities').selectAll().where('renews_contract_id', '=', contractId).execute();

describe('the renewals run', () => {
  it('opens a Renewal for a due contract: CSM-owned, the TCV, closing at the end, audited with its outbox row', async () => {
    const due = await accountWithContract('2027-03-02', { csm: true });
    const { context } = testContext(database.db);
    const run = await runRenewals(context);
    expect(run.created).toBeGreaterThanOrEqual(1);
    const [deal] = await renewalsOf(due.contract.id);
    expect(deal).toMatchObject({
      account_id: due.account.id,
      name: 'Acme 2027-03-02 — Renewal of the contract ending 2027-03-02',
      type: 'renewal',
      pipeline: 'renewal',
      stage: 'open',
      amount_minor: 240_000_00,
      currency: 'EUR',
      close_date: '2027-03-02',
      owner_id: due.csm?.id,
      source: 'customer_success',
      created_by: 'system:renewals',
    });
    const events = await database.db
      .selectFrom('events')
      .innerJoin('outbox', 'outbox.event_id', 'events.id')
      .select(['events.action', 'events.gate'])
      .where('events.entity_id', '=', deal?.id ?? '')
      .execute();
    expect(events.map((event) => event.action)).toEqual(['opportunity.created']);
    expect(events[0]?.gate).not.toBeNull();

    const view = await getOpportunity(context, admin(), deal?.id ?? '');
    expect(view.ok && view.value.renews).toEqual({
      id: due.contract.id,
      startDate: '2025-01-01',
      endDate: '2027-03-02',
      tcvMinor: 240_000_00,
      currency: 'EUR',
    });

    const again = await runRenewals(context);
    expect(again.created).toBe(0);
    expect(await renewalsOf(due.contract.id)).toHaveLength(1);
  });

  it('gives the deal to the account owner when the account has no CSM', async () => {
    const due = await accountWithContract('2027-01-15');
    await runRenewals(testContext(database.db).context);
    const deals = await renewalsOf(due.contract.id);
    expect(deals.map((deal) => deal.owner_id)).toEqual([due.owner.id]);
  });

  it('leaves contracts ending after the lead days, ended ones, and contracts ended early', async () => {
    const later = await accountWithContract('2027-03-03');
    const ended = await accountWithContract('2026-11-01');
    const endedEarly = await accountWithContract('2027-02-01');
    await database.db
      .updateTable('contracts')
      .set({ ended_on: '2026-10-31', ended_reason: 'customer went bankrupt' })
      .where('id', '=', endedEarly.contract.id)
      .execute();
    await runRenewals(testContext(database.db).context);
    for (const { contract } of [later, ended, endedEarly]) expect(await renewalsOf(contract.id)).toEqual([]);
    // The day the later one comes within 120 days, it is due.
    await runRenewals(testContext(database.db, new Date(T0.getTime() + 86_400_000)).context);
    expect(await renewalsOf(later.contract.id)).toHaveLength(1);
  });

  it('leaves an account whose CSM already opened a Renewal by hand', async () => {
    const due = await accountWithContract('2027-02-20');
    const { context } = testContext(database.db);
    const byHand = await buildOpportunity(context, {
      accountId: due.account.id,
      ownerId: due.owner.id,
      type: 'renewal',
    });
    await runRenewals(context);
    expect(await renewalsOf(due.contract.id)).toEqual([]);
    // Once that deal is closed, the contract is due again.
    await database.db
      .updateTable('opportunities')
      .set({ closed_at: T0 })
      .where('id', '=', byHand.id)
      .execute();
    await runRenewals(context);
    expect(await renewalsOf(due.contract.id)).toHaveLength(1);
  });

  it('creates exactly one renewal per contract when two runs race', async () => {
    const racing = await Promise.all([
      accountWithContract('2027-02-10'),
      accountWithContract('2027-02-11', { csm: true }),
      accountWithContract('2027-02-12'),
    ]);
    const runs = await Promise.all([
      runRenewals(testContext(database.db).context),
      runRenewals(testContext(database.db).context),
    ]);
    for (const { contract } of racing) expect(await renewalsOf(contract.id)).toHaveLength(1);
    const created = runs.reduce((sum, run) => sum + run.created, 0);
    const skipped = runs.reduce((sum, run) => sum + run.skipped, 0);
    expect(created).toBe(3);
    expect(runs.every((run) => run.refused.length === 0)).toBe(true);
    expect(created + skipped).toBeGreaterThanOrEqual(3);
    const events = await database.db
      .selectFrom('events')
      .select('entity_id')
      .where('action', '=', 'opportunity.created')
      .where('actor_id', '=', 'system:renewals')
      .execute();
    expect(new Set(events.map((event) => event.entity_id)).size).toBe(events.length);
  });
});
