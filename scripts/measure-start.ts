// Usage: npm run bench:start [-- --restarts N]
// Builds if stale (scripts/build.mjs --if-stale), then starts `node bin/closepath.mjs serve --demo` as
// `npm start` does, on a fresh temporary DATA_DIR and a free port on 127.0.0.1, and measures the time from
// spawn to the first 200 from GET /api/health (the liveness route) — the first start, demo seed included (its own duration
// from the seed's log line) — then restarts on the same data directory N times (default 2) and measures
// again. Every wait is bounded in time and count; servers listen on 127.0.0.1 only.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const START_LIMIT_MS = 180_000;
const POLL_EVERY_MS = 50;
const STOP_LIMIT_MS = 15_000;
const restartsFlag = process.argv.indexOf('--restarts');
const RESTARTS = restartsFlag > 0 ? Number(process.argv[restartsFlag + 1]) : 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: string[];
  msToHealthy: number;
  /** CPU time the server process (all its threads) had used by then; undefined off Linux. */
  cpuMs: number | undefined;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** utime + stime of a process from /proc (Linux): how much work it did, whatever else the machine ran. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

async function startServer(dataDir: string): Promise<Started> {
  const port = await freePort();
  const output: string[] = [];
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/closepath.mjs', 'serve', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}/api/health`;
  const maxPolls = Math.ceil(START_LIMIT_MS / POLL_EVERY_MS);
  let status = 0;
  for (let poll = 0; poll < maxPolls && performance.now() - started < START_LIMIT_MS; poll++) {
    if (child.exitCode !== null) break;
    status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) {
      return { child, output, msToHealthy: performance.now() - started, cpuMs: cpuMsOf(child.pid) };
    }
    if (status !== 0) break; // it answers, but not 200: no use waiting
    await sleep(POLL_EVERY_MS);
  }
  await stopServer(child);
  const answer = status === 0 ? 'no answer' : `answered ${status}`;
  throw new Error(`${url}: ${answer} (limit ${START_LIMIT_MS} ms):\n${output.join('')}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(STOP_LIMIT_MS).then(() => false)]);
  if (!stopped) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(STOP_LIMIT_MS)]);
  }
}

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

const buildStarted = performance.now();
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const buildMs = performance.now() - buildStarted;

const root = mkdtempSync(path.join(tmpdir(), 'closepath-start-'));
const dataDir = path.join(root, 'data');
const rows: Array<[string, string, string]> = [
  ['build check (scripts/build.mjs --if-stale)', seconds(buildMs), ''],
];
try {
  const first = await startServer(dataDir);
  const log = first.output.join('');
  await stopServer(first.child);
  const seed = /demo data ready in ([\d.]+)s/.exec(log)?.[1];
  rows.push([
    'first start on an empty DATA_DIR → health 200',
    seconds(first.msToHealthy),
    seconds(first.cpuMs),
  ]);
  rows.push(['  of which the demo seed (its log line)', seed ? `${seed} s` : 'not seeded?', '']);
  for (let restart = 1; restart <= RESTARTS; restart++) {
    const again = await startServer(dataDir);
    await stopServer(again.child);
    const step = `restart ${restart} (seeded, build up to date) → health 200`;
    rows.push([step, seconds(again.msToHealthy), seconds(again.cpuMs)]);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
console.log(`\nnode ${process.version}, ${cpus().length} CPUs, load average ${load}\n`);
console.log('| step | wall time | server CPU time |');
console.log('|---|---:|---:|');
for (const [step, time, cpu] of rows) console.log(`| ${step} | ${time} | ${cpu} |`);
