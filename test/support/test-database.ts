import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { type OpenedDatabase, openDatabase } from '../../src/db/open-database.js';
import { openPglite } from '../../src/db/pglite/open-pglite.js';
import { runAdminStatement } from './admin-statement.js';
import type { DatabaseTemplate } from './database-template.js';

/** `db`, `engine` and `close()`, plus the engine's extras (PGlite: `dumpDataDir`). */
export type TestDatabase = OpenedDatabase;

/** The run's migrated template (database-template.ts), if the global setup made one. */
function template(): DatabaseTemplate | undefined {
  return inject('databaseTemplate');
}

async function migrated(database: TestDatabase, close: () => Promise<void>): Promise<TestDatabase> {
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await close();
    throw error;
  }
  return database;
}

async function createServerDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `cp_test_${randomBytes(6).toString('hex')}`;
  const from = template();
  const copy = from?.kind === 'postgres' ? ` template ${from.database}` : '';
  await runAdminStatement(adminUrl, `create database ${name}${copy}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const close = async () => {
    await database.close();
    await runAdminStatement(adminUrl, `drop database if exists ${name} with (force)`);
  };
  const opened = { ...database, close };
  return copy ? opened : migrated(opened, close);
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const from = template();
  if (from?.kind === 'pglite') return openPglite({ loadDataDir: await readFile(from.tarball) });
  const database = await openDatabase();
  return migrated(database, () => database.close());
}

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite, or — when TEST_DATABASE_URL holds
 * a server admin URL — a new `cp_test_<random>` database on that server, dropped on close. Both start as a
 * copy of the run's migrated template when there is one, else run initdb and the migrations themselves.
 */
export function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return adminUrl ? createServerDatabase(adminUrl) : createPgliteDatabase();
}
