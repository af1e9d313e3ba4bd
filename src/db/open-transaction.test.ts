import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUserRow } from '../../test/support/db-rows.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { openTransaction } from './open-transaction.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const namesLike = async (prefix: string) =>
  (
    await database.db
      .selectFrom('users')
      .select('name')
      .where('name', 'like', `${prefix}%`)
      .orderBy('name')
      .execute()
  ).map((row) => row.name);

describe('an open transaction used as a database', () => {
  it('nests a use case’s transaction as a savepoint: a failed one undoes only its own writes', async () => {
    const unit = await openTransaction(database.db);
    await insertUserRow(unit.db, { name: 'nest a outer' });
    await unit.db.transaction().execute(async (trx) => insertUserRow(trx, { name: 'nest b kept' }));
    const failing = unit.db.transaction().execute(async (trx) => {
      await insertUserRow(trx, { name: 'nest c undone' });
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    await unit.commit();
    expect(unit.isOpen).toBe(false);
    expect(await namesLike('nest')).toEqual(['nest a outer', 'nest b kept']);
  });

  it('rolls back everything, nested writes included', async () => {
    const unit = await openTransaction(database.db);
    await unit.db.transaction().execute(async (trx) => insertUserRow(trx, { name: 'gone nested' }));
    await unit.rollback();
    await unit.rollback();
    expect(await namesLike('gone')).toEqual([]);
    expect(() => unit.db.transaction().setIsolationLevel('serializable')).toThrow(/nested/);
  });
});
