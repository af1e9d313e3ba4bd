import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildContract, buildUser, testContext } from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { actorFor } from '../access/actors.js';
import { getAccount } from '../accounts/read-accounts.js';
import { runRenewals } from '../renewals/run-renewals.js';
import { correctContract } from './correct-contract.js';
import { endContract } from './end-contract.js';
import { listContracts } from './list-contracts.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setting() {
  const { context } = testContext(database.db);
  const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
  const finance = await buildUser(database.db, { role: 'vp_finance', region: null });
  const account = await buildAccount(database.db, { ownerId: owner.id });
  const contract = await buildContract(database.db, account.id, { endDate: '2027-01-31' });
  return { context, owner, finance, account, contract };
}

const auditOf = (contractId: string) =>
  database.db
    .selectFrom('events')
    .select(['action', 'actor_id', 'before', 'after'])
    .where('entity_id', '=', contractId)
    .execute();

describe('Finance correcting and ending contracts', () => {
  it('corrects the TCV and dates, audited with before and after, refusing a stale version', async () => {
    const { context, finance, contract } = await setting();
    const corrected = await correctContract(
      context,
      actorFor(finance),
      contract.id,
      { tcvMinor: 150_000_00 },
      1,
    );
    if (!corrected.ok) throw new Error(corrected.error.message);
    expect(corrected.value.contract).toMatchObject({ tcvMinor: 150_000_00, version: 2 });
    const [event] = await auditOf(contract.id);
    expect(event).toMatchObject({
      action: 'contract.corrected',
      actor_id: finance.id,
      before: { tcvMinor: 200_000_00, version: 1 },
      after: { tcvMinor: 150_000_00, version: 2 },
    });
    const stale = await correctContract(context, actorFor(finance), contract.id, { tcvMinor: 1 }, 1);
    expect(stale.ok ? 'ok' : stale.error.code).toBe('precondition_failed');
    const backwards = await correctContract(context, actorFor(finance), contract.id, {
      endDate: '2024-01-01',
    });
    expect(
      backwards.ok ? 'ok' : backwards.error.code === 'validation_failed' && backwards.error.issues,
    ).toEqual([{ path: 'endDate', message: 'the contract would end before it starts' }]);
  });

  it('ends one early: no longer in force, no renewal, the account no longer a commit customer', async () => {
    const { context, owner, finance, account, contract } = await setting();
    const outside = await endContract(context, actorFor(finance), contract.id, {
      endedOn: '2028-01-01',
      reason: 'x',
    });
    expect(outside.ok ? 'ok' : outside.error.code).toBe('validation_failed');
    const ended = await endContract(context, actorFor(finance), contract.id, {
      endedOn: '2026-10-31',
      reason: 'the customer was acquired',
    });
    if (!ended.ok) throw new Error(ended.error.message);
    const listed = await listContracts(context, actorFor(owner), account.id);
    expect(listed.ok && listed.value.items[0]).toMatchObject({
      endedOn: '2026-10-31',
      endedReason: 'the customer was acquired',
      inForce: false,
    });
    const read = await getAccount(context, actorFor(owner), account.id);
    expect(read.ok && read.value.customer.activeContract).toBeNull();
    await runRenewals(context);
    const renewals = await database.db
      .selectFrom('opportunities')
      .select('id')
      .where('renews_contract_id', '=', contract.id)
      .execute();
    expect(renewals).toEqual([]);
    const again = await endContract(context, actorFor(finance), contract.id, {
      endedOn: '2026-10-30',
      reason: 'y',
    });
    expect(again.ok ? 'ok' : again.error.code).toBe('validation_failed');
    expect((await auditOf(contract.id)).map((event) => event.action)).toEqual(['contract.ended']);
  });

  it('refuses the account owner (403) and those who cannot see it (404)', async () => {
    const { context, owner, contract } = await setting();
    const stranger = await buildUser(database.db, { role: 'ae', region: 'americas' });
    const codes = await Promise.all(
      [owner, stranger].map(async (user) => {
        const result = await correctContract(context, actorFor(user), contract.id, { tcvMinor: 1 });
        return result.ok ? 'ok' : result.error.code;
      }),
    );
    expect(codes).toEqual(['forbidden', 'not_found']);
    expect(await auditOf(contract.id)).toEqual([]);
  });
});
