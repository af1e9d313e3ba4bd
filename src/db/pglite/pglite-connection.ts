import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { adoptCallerStack } from './pglite-error.js';
import type { PgliteWorkerClient } from './pglite-worker-client.js';

const COMMANDS_WITH_AFFECTED_ROWS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** PGlite's single connection, seen through the worker thread. */
export class PgliteConnection implements DatabaseConnection {
  readonly #client: PgliteWorkerClient;

  constructor(client: PgliteWorkerClient) {
    this.#client = client;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, command, rowCount } = await this.#client
      .query(compiledQuery.sql, compiledQuery.parameters)
      .catch((error: unknown) => {
        throw adoptCallerStack(error, new Error());
      });
    const affected = command !== undefined && COMMANDS_WITH_AFFECTED_ROWS.has(command);
    return {
      rows: rows as R[],
      numAffectedRows: affected ? BigInt(rowCount ?? 0) : undefined,
    };
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error(
      'streaming is not supported: PGlite buffers whole results; page with a keyset query instead',
    );
  }
}
