import {
  AbortedTransactionError,
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type TransactionSettings,
} from 'kysely';
import { ConnectionMutex } from '../connection-mutex.js';
import { PgliteConnection } from './pglite-connection.js';
import type { PgliteWorkerClient } from './pglite-worker-client.js';

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A Kysely driver over PGlite's one connection. A mutex hands the connection to one user at a time, so a
 * transaction holds it from BEGIN until COMMIT/ROLLBACK and other queries wait their turn.
 */
export class PgliteDriver implements Driver {
  readonly #client: PgliteWorkerClient;
  readonly #connection: PgliteConnection;
  readonly #mutex = new ConnectionMutex();
  #destroyed = false;

  constructor(client: PgliteWorkerClient) {
    this.#client = client;
    this.#connection = new PgliteConnection(client);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    if (this.#destroyed) {
      this.#mutex.unlock();
      throw new Error('the PGlite database is closed');
    }
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    const accessMode = settings.accessMode ? ` ${settings.accessMode}` : '';
    await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation}${accessMode}`));
  }

  async commitTransaction(): Promise<void> {
    const { command } = await this.#client.query('commit', []);
    if (command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  /** Runs `work` while holding the connection, e.g. to dump the data directory between transactions. */
  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.#mutex.runExclusive(work);
  }

  /** Waits for the current holder (a running transaction) to finish, then closes PGlite. */
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    await this.#mutex.runExclusive(async () => {
      this.#destroyed = true;
      await this.#client.close();
    });
  }
}
