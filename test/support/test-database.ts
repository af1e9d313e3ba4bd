import { randomBytes } from 'node:crypto';
import { migrateToLatest } from '../../src/db/migrate.js';
import { type OpenedDatabase, openDatabase } from '../../src/db/open-database.js';
import { runAdminStatement } from './admin-statement.js';

/** `db`, `engine` and `close()`, plus the engine's extras (PGlite: `dumpDataDir`). */
export type TestDatabase = OpenedDatabase;

async function createServerDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `cp_test_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const close = async () => {
    await database.close();
    await runAdminStatement(adminUrl, `drop database if exists ${name} with (force)`);
  };
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...database, close };
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const database = await openDatabase();
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite, or — when TEST_DATABASE_URL holds
 * a server admin URL — a new `cp_test_<random>` database on that server, dropped on close.
 */
export function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return adminUrl ? createServerDatabase(adminUrl) : createPgliteDatabase();
}
