import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open-database.js';
import { openPglite } from '../../src/db/pglite/open-pglite.js';
import { runAdminStatement } from './admin-statement.js';

/** The migrated, empty database every test file's own database starts as a copy of (test-database.ts). */
export type DatabaseTemplate = { kind: 'pglite'; tarball: string } | { kind: 'postgres'; database: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

/** PostgreSQL: a `cp_test_template_<random>` database, migrated and left without connections. */
async function postgresTemplate(adminUrl: string) {
  const database = `cp_test_template_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(adminUrl, `create database ${database}`);
  const drop = () => runAdminStatement(adminUrl, `drop database if exists ${database} with (force)`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const opened = await openDatabase({ databaseUrl: url.toString() });
  try {
    await migrateToLatest(opened.db);
  } catch (error) {
    await opened.close();
    await drop();
    throw error;
  }
  await opened.close();
  return { template: { kind: 'postgres', database } as const, teardown: drop };
}

/** PGlite: initdb and the migrations once, checkpointed, kept as an uncompressed tarball for `loadDataDir`. */
async function pgliteTemplate() {
  const opened = await openPglite();
  let dump: Uint8Array;
  try {
    await migrateToLatest(opened.db);
    await sql`checkpoint`.execute(opened.db);
    dump = await opened.dumpDataDir();
  } finally {
    await opened.close();
  }
  const root = await mkdtemp(path.join(tmpdir(), 'closepath-db-template-'));
  const tarball = path.join(root, 'migrated.tar');
  await writeFile(tarball, gunzipSync(dump));
  return {
    template: { kind: 'pglite', tarball } as const,
    teardown: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * Vitest global setup of the Node tests: runs initdb and every migration once per run instead of once per
 * test file (2–5 s of PGlite WebAssembly each), and removes the template after the run.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const { template, teardown } = adminUrl ? await postgresTemplate(adminUrl) : await pgliteTemplate();
  project.provide('databaseTemplate', template);
  return teardown;
}
