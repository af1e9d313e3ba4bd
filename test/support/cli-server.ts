import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAdminStatement } from './admin-statement.js';
import { COMPILED_CLI } from './compiled-server.js';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../..');

/** `node <the compiled CLI> <args>` from the repository root: the real `closepath` process. */
function spawnClosepath(args: readonly string[], env: Record<string, string>, stdin: 'ignore' | 'pipe') {
  if (!existsSync(COMPILED_CLI)) throw new Error(`${COMPILED_CLI} is missing: run the tests through vitest`);
  return spawn(process.execPath, [COMPILED_CLI, ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

/**
 * `closepath <args>` as a child process of the test, its output collected: the server compiled once per run
 * by the projects' global setup (compiled-server.ts), so plain `node` with no TypeScript loader.
 */
export function spawnCli(args: readonly string[], env: Record<string, string>) {
  const log: string[] = [];
  const child = spawnClosepath(args, env, 'ignore');
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  return { child, log };
}

export interface CliRun {
  /** The exit code; null when a signal ended it (the 60 s timeout: SIGKILL). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `closepath <args>` to its end, with `stdin` as its input; its exit code and output. */
export function runCli(args: readonly string[], env: Record<string, string>, stdin = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnClosepath(args, env, 'pipe');
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

/** Resolves with the address `closepath serve` prints once it listens; rejects if it exits first or is slow. */
export function waitForAddress(child: ChildProcess, log: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log.join('')}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      const address = /listening on (http:\/\/\S+)/.exec(chunk.toString())?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${log.join('')}`));
    });
  });
}

/** Ends the child with `signal` and waits until it has exited (and been reaped). */
export async function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** Where a `closepath serve` child keeps its data: its environment, and the config to open it in the test. */
export interface ServerStore {
  env: Record<string, string>;
  config: { dataDir?: string; databaseUrl?: string };
  drop: () => Promise<void>;
}

/** A data directory (PGlite), or a new database on the test PostgreSQL server when TEST_DATABASE_URL is set. */
export async function newServerStore(): Promise<ServerStore> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'closepath-server-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      config: { dataDir },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `cp_server_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    config: { databaseUrl: url.toString() },
    drop: async () => {
      await runAdminStatement(adminUrl, `drop database if exists ${name} with (force)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `closepath serve` (no demo) over `store` on a free loopback port; resolves once it listens. */
/**
 * How tests run `closepath serve`: a free loopback port, quiet logs, and no load shedding — a busy CI machine
 * lags the event loop, and a test's request must not be shed for it (shedding has its own tests).
 */
export const TEST_SERVE_ENV = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SHED_CONCURRENT_REQUESTS: '0',
  SHED_EVENT_LOOP_DELAY_MS: '0',
  // The webhook worker only where a test turns it on (it polls the database otherwise).
  WEBHOOKS_WORKER: 'off',
} as const;

export async function startServe(store: ServerStore, env: Record<string, string> = {}) {
  const { child, log } = spawnCli(['serve'], { ...store.env, ...TEST_SERVE_ENV, ...env });
  const url = await waitForAddress(child, log, 60_000);
  return { child, url, log };
}
