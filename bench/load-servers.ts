import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { killAndWait, REPOSITORY_ROOT, spawnCli, waitForAddress } from '../test/support/cli-server.js';
import { COMPILED_CLI, compileServer } from '../test/support/compiled-server.js';
import { freshServerDatabase } from './server-database.js';

export interface RunningServer {
  address: string;
  pid: number;
  stop: () => Promise<void>;
}

/** Where the bench's server keeps its data: a PGlite directory, or a fresh database on DATABASE_URL. */
export async function benchStore() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'closepath-http-bench-'));
  const server = process.env.DATABASE_URL
    ? await freshServerDatabase(process.env.DATABASE_URL, 'cp_bench_http')
    : null;
  return {
    engine: server ? 'postgres' : 'pglite',
    env: { DATA_DIR: dataDir, DATABASE_URL: server?.url ?? '' },
    drop: async () => {
      await server?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `closepath <args>` under `node --cpu-prof` (not allowed in NODE_OPTIONS): its profile is left in `dir` when
 * it stops. Only for BENCH_CPU_PROF_DIR.
 */
function spawnProfiled(dir: string) {
  return (args: readonly string[], env: Record<string, string>) => {
    const log: string[] = [];
    const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, COMPILED_CLI, ...args], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    return { child, log };
  };
}

const profileDir = process.env.BENCH_CPU_PROF_DIR;

/** The real `closepath serve --demo` in its own process, on loopback, with the budget no bench reaches. */
export async function startClosepath(env: Record<string, string>): Promise<RunningServer> {
  await compileServer(); // the CLI the tests spawn (.test-dist/), current with src/
  const { child, log } = (profileDir ? spawnProfiled(profileDir) : spawnCli)(['serve', '--demo'], {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    REQUESTS_PER_MINUTE: '100000000',
    ...env,
  });
  const address = await waitForAddress(child, log, 180_000);
  return { address, pid: child.pid ?? 0, stop: () => killAndWait(child, 'SIGTERM') };
}

/** bench/bare-server.ts in its own process, answering the payloads captured in `payloadDir` (the HTTP floor). */
export async function startBareServer(payloadDir: string): Promise<RunningServer> {
  const log: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', payloadDir], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const address = await waitForAddress(child, log, 30_000);
  return { address, pid: child.pid ?? 0, stop: () => killAndWait(child, 'SIGTERM') };
}

export interface SignedIn {
  headers: Record<string, string>;
  userId: string;
}

/**
 * Signs in as the demo user with `role` (the first, or the nth: 0, 1, …), as the web app does: the session
 * cookie and x-csrf-token.
 */
export async function signInDemoUser(address: string, role: string, nth = 0): Promise<SignedIn> {
  const demo = (await (await fetch(`${address}/api/v1/auth/demo-users`)).json()) as {
    password: string;
    users: { email: string; role: string }[];
  };
  const user = demo.users.filter((candidate) => candidate.role === role)[nth];
  if (!user) throw new Error(`no demo user #${nth} with the role ${role}`);
  const answer = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: address },
    body: JSON.stringify({ email: user.email, password: demo.password }),
  });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${await answer.text()}`);
  const body = (await answer.json()) as { csrfToken: string; user: { id: string } };
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';
  return { headers: { cookie, 'x-csrf-token': body.csrfToken }, userId: body.user.id };
}

/** The server process's resident memory in MiB (Linux /proc), or NaN elsewhere. */
export async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kib / 1024;
}
