import type { ControlledTransaction, Kysely, Transaction } from 'kysely';

/**
 * A transaction held open across several steps (an HTTP request: claim its Idempotency-Key, run the use
 * case, store the answer), ended by `commit()` or `rollback()`. `db` lets code written for a database run
 * inside it unchanged: its `transaction().execute(work)` becomes a savepoint, rolled back if `work` throws.
 */
export interface OpenTransaction<DB> {
  readonly db: Kysely<DB>;
  readonly isOpen: boolean;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

function nestedTransactionBuilder<DB>(trx: ControlledTransaction<DB>, nextName: () => string) {
  const refuse = () => {
    throw new Error('a transaction nested in an open one cannot set its own isolation level or access mode');
  };
  return {
    setIsolationLevel: refuse,
    setAccessMode: refuse,
    async execute<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      const name = nextName();
      const point = await trx.savepoint(name).execute();
      try {
        const result = await work(point);
        await point.releaseSavepoint(name).execute();
        return result;
      } catch (error) {
        await point.rollbackToSavepoint(name).execute();
        throw error;
      }
    },
  };
}

export async function openTransaction<DB>(db: Kysely<DB>): Promise<OpenTransaction<DB>> {
  const trx = await db.startTransaction().execute();
  let savepoints = 0;
  const nested = nestedTransactionBuilder(trx, () => `nested_${++savepoints}`);
  const asDatabase = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => nested;
      if (property === 'startTransaction') return () => refuseStart();
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Kysely<DB>;
  let isOpen = true;
  const rollback = async () => {
    if (!isOpen) return;
    isOpen = false;
    await trx.rollback().execute();
  };
  return {
    db: asDatabase,
    get isOpen() {
      return isOpen;
    },
    /** Commits; when the commit fails the transaction is rolled back (its connection released) and the error thrown. */
    async commit() {
      if (!isOpen) throw new Error('the transaction is already ended');
      try {
        await trx.commit().execute();
        isOpen = false;
      } catch (error) {
        await rollback().catch(() => {});
        throw error;
      }
    },
    rollback,
  };
}

function refuseStart(): never {
  throw new Error('cannot start a transaction inside an open one');
}
