import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { readFreshCluster } from './fresh-cluster.js';
import { createPgliteDialect } from './pglite-dialect.js';
import { PgliteDriver } from './pglite-driver.js';
import { type RunInWorker, startPgliteWorker } from './pglite-worker-client.js';

export interface OpenedPglite {
  engine: 'pglite';
  db: Kysely<Database>;
  /** The data directory as given; undefined for an in-memory database. */
  dataDir: string | undefined;
  /** A gzipped tarball of the data directory, taken between transactions. */
  dumpDataDir(): Promise<Uint8Array>;
  /**
   * Runs a job module next to PGlite in its worker thread, between transactions and alone (see
   * WorkerJobModule): for long series of statements such as the demo seed.
   */
  runInWorker: RunInWorker;
  close(): Promise<void>;
}

export interface OpenPgliteOptions {
  dataDir?: string;
  /** A tarball from `dumpDataDir` to initialise a new data directory (or memory) from. */
  loadDataDir?: Uint8Array;
}

/**
 * Opens PGlite in a worker thread; a data directory is locked against a second process. A new data
 * directory starts from the build's fresh cluster when there is one (see fresh-cluster.ts), else initdb.
 */
export async function openPglite({ dataDir, loadDataDir }: OpenPgliteOptions = {}): Promise<OpenedPglite> {
  const directory = dataDir === undefined ? undefined : resolve(dataDir);
  const isNew = directory !== undefined && (!existsSync(directory) || readdirSync(directory).length === 0);
  if (directory !== undefined) mkdirSync(directory, { recursive: true });
  const lock = dataDir === undefined ? undefined : acquireDataDirLock(dataDir);
  try {
    const initial = loadDataDir ?? (isNew ? readFreshCluster() : undefined);
    const client = await startPgliteWorker({ dataDir: directory, loadDataDir: initial });
    if (loadDataDir !== undefined) lock?.reclaim();
    const driver = new PgliteDriver(client);
    const db = new Kysely<Database>({ dialect: createPgliteDialect(driver) });
    let closing: Promise<void> | undefined;
    const close = async () => {
      await db.destroy();
      lock?.release();
    };
    return {
      engine: 'pglite',
      db,
      dataDir,
      dumpDataDir: () => driver.runExclusive(() => client.dumpDataDir()),
      runInWorker: (module, input, onProgress) =>
        driver.runExclusive(() => client.run(module, input, onProgress)),
      close: () => (closing ??= close()),
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
