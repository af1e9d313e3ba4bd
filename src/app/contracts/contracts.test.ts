import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actor,
  admin,
  buildAccount,
  buildOpportunity,
  buildUser,
  testContext,
} from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { actorFor } from '../access/actors.js';
import { getAccount } from '../accounts/read-accounts.js';
import { recordContractInput } from './contract-inputs.js';
import { listContracts } from './list-contracts.js';
import { recordContract } from './record-contract.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const TERMS = { startDate: '2025-01-01', endDate: '2027-12-31', tcvMinor: 360_000_00, currency: 'USD' };

describe('contract input', () => {
  it.each([
    [{ endDate: '2024-12-31' }, 'endDate'],
    [{ startDate: '2025-02-30' }, 'startDate'],
    [{ tcvMinor: -1 }, 'tcvMinor'],
    [{ tcvMinor: 1.5 }, 'tcvMinor'],
    [{ currency: 'usd' }, 'currency'],
    [{ kind: 'usage' }, 'kind'],
    [{ note: 'x' }, ''],
  ])('refuses %o naming the field', (patch, path) => {
    const parsed = recordContractInput.safeParse({ ...TERMS, ...patch });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('accepts a one-day contract', () => {
    expect(recordContractInput.safeParse({ ...TERMS, endDate: TERMS.startDate }).success).toBe(true);
  });
});

describe('recording contracts', () => {
  it('lets Finance record one; the account becomes a Commit Customer, audited, its version bumped', async () => {
    const { context } = testContext(database.db);
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const finance = await buildUser(database.db, { role: 'vp_finance', region: null });
    const account = await buildAccount(database.db, { ownerId: owner.id, selfServeUsage: true });
    const before = await getAccount(context, admin(), account.id);
    expect(before.ok && before.value.customer).toMatchObject({ customerClass: 'plg', activeContract: null });

    const recorded = await recordContract(context, actorFor(finance), account.id, TERMS, 1);
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(recorded.value).toMatchObject({
      accountVersion: 2,
      contract: { kind: 'commit', ...TERMS, opportunityId: null, createdBy: finance.id, version: 1 },
    });
    const after = await getAccount(context, actor(owner.id, { region: 'emea' }), account.id);
    expect(after.ok && after.value.customer).toMatchObject({
      customerClass: 'commit_customer',
      name: 'Commit Customer',
      focus: 'Renewal preparation, expansion opportunities, relationship deepening',
      activeContract: { id: recorded.value.contract.id, endDate: '2027-12-31' },
    });
    expect(after.ok && after.value.account.version).toBe(2);
    const events = await database.db
      .selectFrom('events')
      .select(['action', 'actor_id', 'entity_type'])
      .where('entity_id', '=', recorded.value.contract.id)
      .execute();
    expect(events).toEqual([{ action: 'contract.recorded', actor_id: finance.id, entity_type: 'contract' }]);

    const stale = await recordContract(context, actorFor(finance), account.id, TERMS, 1);
    expect(stale.ok ? 'ok' : stale.error.code).toBe('precondition_failed');
  });

  it('refuses the deal owner (403) and callers who cannot see the account (404)', async () => {
    const { context } = testContext(database.db);
    const rvp = await buildUser(database.db, { role: 'rvp', region: 'emea' });
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea', managerId: rvp.id });
    const stranger = await buildUser(database.db, { role: 'ae', region: 'americas' });
    const account = await buildAccount(database.db, { ownerId: owner.id });
    const refusals = await Promise.all(
      [owner, rvp, stranger].map(async (user) => {
        const result = await recordContract(context, actorFor(user), account.id, TERMS);
        return result.ok ? 'ok' : result.error.code;
      }),
    );
    expect(refusals).toEqual(['forbidden', 'forbidden', 'not_found']);
    const listed = await listContracts(context, actorFor(stranger), account.id);
    expect(listed.ok ? 'ok' : listed.error.code).toBe('not_found');
  });

  it('ties a contract to a won deal on the same account, once', async () => {
    const { context } = testContext(database.db);
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const account = await buildAccount(database.db, { ownerId: owner.id });
    const other = await buildAccount(database.db, { ownerId: owner.id });
    const open = await buildOpportunity(context, { ownerId: owner.id, accountId: account.id });
    const won = await buildOpportunity(context, { ownerId: owner.id, accountId: account.id });
    const elsewhere = await buildOpportunity(context, { ownerId: owner.id, accountId: other.id });
    // Winning a deal through the gate is the gate tests' business; here it only has to be won.
    await database.db
      .updateTable('opportunities')
      .set({ stage: 'closed_won', closed_at: new Date() })
      .where('id', '=', won.id)
      .execute();
    const issueFor = async (opportunityId: string) => {
      const result = await recordContract(context, admin(), account.id, { ...TERMS, opportunityId });
      return result.ok ? 'ok' : result.error.code === 'validation_failed' && result.error.issues;
    };
    expect(await issueFor('opp_nope')).toEqual([
      { path: 'opportunityId', message: 'no such deal on this account' },
    ]);
    expect(await issueFor(elsewhere.id)).toEqual([
      { path: 'opportunityId', message: 'no such deal on this account' },
    ]);
    expect(await issueFor(open.id)).toEqual([{ path: 'opportunityId', message: 'the deal is not won' }]);
    expect(await issueFor(won.id)).toBe('ok');
    expect(await issueFor(won.id)).toEqual([
      { path: 'opportunityId', message: 'a contract was already recorded from this deal' },
    ]);
    const history = await database.db
      .selectFrom('events')
      .select('action')
      .where('opportunity_id', '=', won.id)
      .where('action', '=', 'contract.recorded')
      .execute();
    expect(history).toHaveLength(1);

    await recordContract(context, admin(), account.id, {
      ...TERMS,
      startDate: '2022-01-01',
      endDate: '2024-12-31',
    });
    const listed = await listContracts(context, actor(owner.id), account.id);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.items.map((item) => [item.endDate, item.inForce])).toEqual([
      ['2027-12-31', true],
      ['2024-12-31', false],
    ]);
  });
});
