import { AbortedTransactionError, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUserRow } from '../../test/support/db-rows.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const countUsers = async (name: string) =>
  Number(
    (
      await database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).n,
  );

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transactions', () => {
  it('commits every write of a transaction together', async () => {
    await database.db.transaction().execute(async (trx) => {
      await insertUserRow(trx, { name: 'committed' });
      await insertUserRow(trx, { name: 'committed' });
    });
    expect(await countUsers('committed')).toBe(2);
  });

  it('rolls every write back when the callback throws', async () => {
    const failing = database.db.transaction().execute(async (trx) => {
      await insertUserRow(trx, { name: 'rolled back' });
      throw new Error('business rule refused');
    });
    await expect(failing).rejects.toThrow('business rule refused');
    expect(await countUsers('rolled back')).toBe(0);
  });

  it('rolls back to a savepoint and keeps the rest (controlled transaction)', async () => {
    const trx = await database.db.startTransaction().execute();
    await insertUserRow(trx, { name: 'kept' });
    const afterSavepoint = await trx.savepoint('before_second').execute();
    await insertUserRow(afterSavepoint, { name: 'undone' });
    await afterSavepoint.rollbackToSavepoint('before_second').execute();
    await trx.commit().execute();
    expect([await countUsers('kept'), await countUsers('undone')]).toEqual([1, 0]);
  });

  it('serializes 20 concurrent read-modify-write transactions to exactly +20', async () => {
    const user = await insertUserRow(database.db, { region: '0' });
    const increment = () =>
      database.db.transaction().execute(async (trx) => {
        const { region } = await trx
          .selectFrom('users')
          .select('region')
          .where('id', '=', user.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        await pause(1);
        await trx
          .updateTable('users')
          .set({ region: String(Number(region) + 1) })
          .where('id', '=', user.id)
          .execute();
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    const { region } = await database.db
      .selectFrom('users')
      .select('region')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(region).toBe('20');
  });

  it('never shows a query outside the transaction its uncommitted writes', async () => {
    let outside: Promise<number> | undefined;
    const failing = database.db.transaction().execute(async (trx) => {
      await insertUserRow(trx, { name: 'uncommitted' });
      outside = countUsers('uncommitted');
      await pause(50);
      throw new Error('abandon');
    });
    await expect(failing).rejects.toThrow('abandon');
    expect(await outside).toBe(0);
  });

  it('refuses to commit a transaction a failed statement aborted', async () => {
    const aborted = database.db.transaction().execute(async (trx) => {
      await sql`select 1 / 0`.execute(trx).catch(() => undefined);
      await insertUserRow(trx, { name: 'after abort' }).catch(() => undefined);
    });
    await expect(aborted).rejects.toBeInstanceOf(AbortedTransactionError);
    expect(await countUsers('after abort')).toBe(0);
  });

  it('applies isolation level and access mode', async () => {
    const readOnly = database.db
      .transaction()
      .setAccessMode('read only')
      .setIsolationLevel('serializable')
      .execute(async (trx) => {
        const [row] = (
          await sql<{ level: string }>`select current_setting('transaction_isolation') as level`.execute(trx)
        ).rows;
        expect(row?.level).toBe('serializable');
        await insertUserRow(trx, { name: 'read only' });
      });
    await expect(readOnly).rejects.toMatchObject({ code: '25006' });
  });
});
