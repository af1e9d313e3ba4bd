import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import './demo-template.js';
import { runAdminStatement } from '../../support/admin-statement.js';
import {
  killAndWait,
  REPOSITORY_ROOT,
  spawnCli,
  TEST_SERVE_ENV,
  waitForAddress,
} from '../../support/cli-server.js';

const STARTUP_TIMEOUT_MS = 150_000;

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** A new database on the test PostgreSQL server, empty or from a template, dropped when the server stops. */
async function newPostgresDatabase(adminUrl: string, dataDir: string, template?: string) {
  const name = `cp_browser_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(adminUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: () => runAdminStatement(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

/**
 * A fresh copy of the demo data the browser tests' global setup seeded once (demo-template.ts): a new
 * database from the template on the test PostgreSQL server when TEST_DATABASE_URL is set, else a copy of the
 * PGlite data directory.
 */
async function freshDatabase(dataDir: string) {
  const template = inject('demoTemplate');
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl || template.kind === 'pglite') {
    if (template.kind === 'pglite') await cp(template.dataDir, dataDir, { recursive: true });
    return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => {} };
  }
  return newPostgresDatabase(adminUrl, dataDir, template.database);
}

/** An empty database (a new PostgreSQL database, or an empty PGlite directory) for `serve --demo` to seed. */
async function emptyDatabase(dataDir: string) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => {} };
  return newPostgresDatabase(adminUrl, dataDir);
}

/**
 * `closepath serve --demo` as a user runs it — the real CLI, on 127.0.0.1 and a port the system picks, over
 * a fresh copy of the demo data (seeded once per run; see demo-template.ts) — serving the built web app.
 */
export async function startServer(
  options: {
    dataDir?: string;
    /** Another playbook (a path from the repository root): the server seeds its demo data itself. */
    playbook?: string;
    /** More environment for the server (e.g. the webhook worker on). */
    env?: Record<string, string>;
  } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'closepath-browser-')));
  // A given data dir is the caller's (the web budget restarts the server on it): kept on stop.
  const database = options.dataDir
    ? { env: { DATA_DIR: options.dataDir, DATABASE_URL: '' }, drop: async () => {} }
    : options.playbook
      ? await emptyDatabase(dataDir)
      : await freshDatabase(dataDir);
  const playbook = options.playbook ? ['--playbook', path.join(REPOSITORY_ROOT, options.playbook)] : [];
  const { child, log } = spawnCli(['serve', '--demo', ...playbook], {
    ...database.env,
    ...TEST_SERVE_ENV,
    ...options.env,
  });
  const stop = async () => {
    await killAndWait(child, 'SIGTERM');
    await database.drop();
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await waitForAddress(child, log, STARTUP_TIMEOUT_MS);
    return { url, output: () => log.join(''), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
