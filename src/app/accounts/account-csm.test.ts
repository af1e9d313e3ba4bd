import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildUser, testContext } from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { actorFor } from '../access/actors.js';
import { updateAccount } from './save-account.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("an account's CSM", () => {
  it('is set by who may reassign the account, to a CSM only, audited', async () => {
    const { context } = testContext(database.db);
    const rvp = await buildUser(database.db, { role: 'rvp', region: 'emea' });
    const owner = await buildUser(database.db, { role: 'ae', region: 'emea', managerId: rvp.id });
    const csm = await buildUser(database.db, { role: 'csm', region: 'emea' });
    const account = await buildAccount(database.db, { ownerId: owner.id, country: 'DE', subdivision: null });

    const byOwner = await updateAccount(context, actorFor(owner), account.id, { csmId: csm.id });
    expect(byOwner.ok ? 'ok' : byOwner.error.code).toBe('forbidden');
    const notCsm = await updateAccount(context, actorFor(rvp), account.id, { csmId: owner.id });
    expect(notCsm.ok ? 'ok' : notCsm.error.code === 'validation_failed' && notCsm.error.issues).toEqual([
      { path: 'csmId', message: 'must be a Customer Success Manager (role csm)' },
    ]);
    const set = await updateAccount(context, actorFor(rvp), account.id, { csmId: csm.id });
    expect(set.ok && set.value).toMatchObject({ csmId: csm.id, ownerId: owner.id, version: 2 });
    const row = await database.db
      .selectFrom('events')
      .select(['action', 'after'])
      .where('entity_id', '=', account.id)
      .executeTakeFirst();
    expect(row).toEqual({ action: 'account.updated', after: { csmId: csm.id } });
  });
});
