import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runAdminStatement } from '../../support/admin-statement.js';
import { COMPILED_CLI } from '../../support/compiled-server.js';

/** The demo data set, seeded once for the browser tests; each test file's server starts on a copy of it. */
export type DemoTemplate = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; database: string };

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplate: DemoTemplate;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** `closepath seed`, the real (compiled) CLI, into the given database: the data `serve --demo` would seed. */
function seed(env: Record<string, string>) {
  execFileSync(process.execPath, [COMPILED_CLI, 'seed'], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
}

/**
 * Vitest global setup of the browser tests: seeds the demo data once (PGlite: a data directory; PostgreSQL:
 * a template database) instead of once per test file, and removes it after the run.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const database = `cp_browser_template_${randomBytes(6).toString('hex')}`;
    await runAdminStatement(adminUrl, `create database ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    seed({ DATABASE_URL: url.toString(), DATA_DIR: '' });
    project.provide('demoTemplate', { kind: 'postgres', database });
    return () => runAdminStatement(adminUrl, `drop database if exists ${database} with (force)`);
  }
  const root = await mkdtemp(path.join(tmpdir(), 'closepath-demo-template-'));
  const dataDir = path.join(root, 'data');
  seed({ DATA_DIR: dataDir, DATABASE_URL: '' });
  project.provide('demoTemplate', { kind: 'pglite', dataDir });
  return () => rm(root, { recursive: true, force: true });
}
