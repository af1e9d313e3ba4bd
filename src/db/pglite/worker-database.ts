import { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { createPgliteDialect } from './pglite-dialect.js';
import { PgliteDriver } from './pglite-driver.js';
import { PgliteError } from './pglite-error.js';
import type { PgliteWorkerClient } from './pglite-worker-client.js';
import { serializeError } from './serialize-error.js';
import type { WorkerQuery } from './worker-protocol.js';

/**
 * For a job run inside the PGlite worker (WorkerJobModule): Kysely over the worker's own PGlite, with the
 * same driver, transactions and errors (PgliteError with PostgreSQL's fields) as on the main thread, minus
 * the thread hop. The worker owns PGlite: closing this database leaves it open.
 */
export function workerDatabase(query: WorkerQuery): Kysely<Database> {
  const client: PgliteWorkerClient = {
    query: (sql, params) =>
      query(sql, params).catch((error: unknown) => {
        throw new PgliteError(serializeError(error));
      }),
    dumpDataDir: () => Promise.reject(new Error('a worker job cannot dump the data directory')),
    close: async () => {},
  };
  return new Kysely<Database>({ dialect: createPgliteDialect(new PgliteDriver(client)) });
}
