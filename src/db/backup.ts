import { existsSync, readdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { OpenedDatabase } from './open-database.js';
import { type OpenedPglite, openPglite } from './pglite/open-pglite.js';

export interface BackupReport {
  file: string;
  bytes: number;
}

async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.partial`;
  await writeFile(temporary, bytes, { flush: true });
  await rename(temporary, file);
}

async function dumpOpened(database: OpenedDatabase): Promise<Uint8Array> {
  if (database.engine !== 'pglite') {
    throw new Error('backup is for the embedded database (PGlite); use pg_dump for a PostgreSQL server');
  }
  return database.dumpDataDir();
}

async function dumpClosedDataDir(dataDir: string): Promise<Uint8Array> {
  if (!existsSync(dataDir)) throw new Error(`data directory ${dataDir} does not exist`);
  const database = await openPglite({ dataDir });
  try {
    return await database.dumpDataDir();
  } finally {
    await database.close();
  }
}

/**
 * Writes a gzipped tarball of a PGlite data directory to `file` (atomically). `source` is an open PGlite
 * database (online backup, taken between transactions) or the path of a data directory no process holds.
 */
export async function backupDataDir(source: string | OpenedDatabase, file: string): Promise<BackupReport> {
  const bytes = typeof source === 'string' ? await dumpClosedDataDir(source) : await dumpOpened(source);
  await writeFileAtomically(file, bytes);
  return { file, bytes: bytes.byteLength };
}

/** Opens a new PGlite data directory (or an in-memory database) initialised from a backup file. */
export async function restoreDataDir(file: string, dataDir?: string): Promise<OpenedPglite> {
  if (dataDir !== undefined && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`cannot restore into ${dataDir}: it is not empty`);
  }
  return openPglite({ dataDir, loadDataDir: new Uint8Array(await readFile(file)) });
}
