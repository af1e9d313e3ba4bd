/**
 * npm run bench:http [-- --soak-minutes N] [-- --only at-risk,stage]   (also the last part of `npm run bench`)
 * BENCH_CPU_PROF_DIR=dir: the server runs with --cpu-prof and leaves its profile there when it stops.
 * Load and overload through HTTP on loopback with autocannon: the real `closepath serve --demo` (PGlite, or a
 * fresh database on DATABASE_URL) beside bare Fastify answering the same JSON (the HTTP floor,
 * bench/bare-server.ts: reads answer the captured bytes; writes parse the same body and serialise the
 * captured answer, no database).
 * 1. the targets table, one row per main read and write (bench/http-targets.ts): list 50 deals, get one deal,
 *    deals at risk by health, the board, a stage change with If-Match (demo AEs' deals moved one stage back
 *    and forward again, bench/stage-moves.ts), log an activity. Per row: the closed-loop maximum (2xx per
 *    second; any other status, a 409 or 412 too, is counted as failed), then p50/p99 at half that maximum
 *    (sent at a steady pace) beside the floor at the same rate; ratio = Closepath p50 ÷ floor p50 (target ≤ 1.5×);
 * 2. overload at 3× the list's maximum: how many answers are shed (503) and the p99 of those served, with load
 *    shedding on and, on a second server over the same data, off; then how long until a read answers 200
 *    again and the p99 at the stated rate after it;
 * 3. with --soak-minutes: list reads and activity writes at the stated rate for N minutes, the server's memory.
 * Every run is bounded in time (SECONDS per run, four runs a row); servers listen on 127.0.0.1 only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildTargets, LIST_PATH, type TargetRow } from './http-targets.js';
import { type LoadRequest, type LoadResult, runLoad, runPaced } from './load-run.js';
import {
  benchStore,
  type RunningServer,
  residentMiB,
  signInDemoUser,
  startBareServer,
  startClosepath,
} from './load-servers.js';
import { printTable } from './report-table.js';

const SECONDS = 5;
const CONNECTIONS = 16;
const OVERLOAD_CONNECTIONS = 256;
/** Demo AEs besides the first whose deals the stage changes also move (a deal per connection). */
const OTHER_AES = 4;
const SHEDDING_OFF = { SHED_CONCURRENT_REQUESTS: '0', SHED_EVENT_LOOP_DELAY_MS: '0' };

const targetRows: string[][] = [];
const loadRows: string[][] = [];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const shed = (result: LoadResult) => {
  const total = Object.values(result.statuses).reduce((sum, count) => sum + count, 0) + result.errors;
  const count = (status: string) => result.statuses[status] ?? 0;
  const others = total - count('200') - count('201') - count('503') - count('429');
  return `${total} sent: ${count('503')} × 503, ${count('429')} × 429, ${others + result.errors} other/failed`;
};

/** How many failed and why: "0", or "12 (503×10, 412×1, errors 1)". */
function failures(result: LoadResult): string {
  const causes = Object.entries(result.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, count]) => `${status}×${count}`);
  if (result.errors) causes.push(`errors ${result.errors}`);
  return causes.length ? `${result.failed} (${causes.join(', ')})` : String(result.failed);
}

function add(what: string, closepath: string) {
  loadRows.push([what, closepath]);
  console.error(`  ${what}: ${closepath}`);
}

interface Measured {
  max: LoadResult;
  rate: number;
}

/** One targets row: closed-loop maximum on both servers, then both at half Closepath's maximum. */
async function measureTarget(row: TargetRow, bare: RunningServer): Promise<Measured> {
  const floor = row.floor(bare.address);
  await row.beforeRun?.();
  const max = await runLoad(row.real, { connections: CONNECTIONS, seconds: SECONDS });
  const floorMax = await runLoad(floor, { connections: max.connections, seconds: SECONDS });
  const rate = Math.max(1, Math.round(max.okPerSecond / 2));
  await row.beforeRun?.();
  const paced = await runPaced(row.real, { rate, seconds: SECONDS });
  const floorPaced = await runPaced(floor, { rate, seconds: SECONDS });
  const ratio = paced.okP50 / Math.max(floorPaced.okP50, 0.1);
  const floorFailed = floorMax.failed + floorPaced.failed;
  targetRows.push([
    row.what,
    String(max.okPerSecond),
    String(floorMax.okPerSecond),
    `${rate}/s`,
    `${ms(paced.okP50)} / ${ms(paced.okP99)}`,
    `${ms(floorPaced.okP50)} / ${ms(floorPaced.okP99)}`,
    `${ratio.toFixed(1)}×${ratio > 1.5 ? ' (over)' : ''}`,
    `${failures(max)} + ${failures(paced)}${floorFailed ? `; floor ${floorFailed}` : ''}`,
  ]);
  console.error(`  ${targetRows.at(-1)?.join(' | ')}`);
  return { max, rate };
}

/** Milliseconds until a read answers 200 again, polling every 50 ms (at most 30 s). */
async function recoveryMs(read: LoadRequest): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 30_000) {
    const answer = await fetch(read.url, { headers: read.headers });
    await answer.arrayBuffer();
    if (answer.status === 200) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Number.POSITIVE_INFINITY;
}

async function overload(label: string, read: LoadRequest, rate: number) {
  const result = await runLoad(read, { connections: OVERLOAD_CONNECTIONS, seconds: 2 * SECONDS, rate });
  add(`overload ${rate}/s reads, ${label}: answers`, shed(result));
  add(`overload ${rate}/s reads, ${label}: p99 of 200s`, ms(result.okP99));
  add(
    `overload ${rate}/s reads, ${label}: read throughput (200/s)`,
    String(Math.round((result.statuses['200'] ?? 0) / (2 * SECONDS))),
  );
  return result;
}

async function soak(
  server: RunningServer,
  read: LoadRequest,
  write: LoadRequest,
  rates: { read: number; write: number },
  minutes: number,
) {
  const samples: number[] = [await residentMiB(server.pid)];
  const sampler = setInterval(() => void residentMiB(server.pid).then((mib) => samples.push(mib)), 30_000);
  const seconds = Math.round(minutes * 60);
  const [reads, writes] = await Promise.all([
    runLoad(read, { connections: CONNECTIONS, seconds, rate: rates.read }),
    runLoad(write, { connections: CONNECTIONS, seconds, rate: rates.write }),
  ]);
  clearInterval(sampler);
  samples.push(await residentMiB(server.pid));
  const minute = samples[Math.min(2, samples.length - 1)] ?? 0;
  add(
    `soak ${minutes} min: reads / writes answered`,
    `${reads.statuses['200'] ?? 0} / ${writes.statuses['201'] ?? 0}, p99 ${ms(reads.okP99)} / ${ms(writes.okP99)}`,
  );
  add(
    `soak ${minutes} min: server RSS start → 1 min → end (max)`,
    `${samples[0]?.toFixed(0)} → ${minute.toFixed(0)} → ${samples.at(-1)?.toFixed(0)} MiB (${Math.max(...samples).toFixed(0)})`,
  );
}

/**
 * Overload, recovery and the optional soak with the list read (and activity writes); then overload again on a
 * fresh server over the same data with shedding off. Returns the server now running.
 */
async function overloadAndSoak(
  first: RunningServer,
  env: Record<string, string>,
  rows: TargetRow[],
  measured: Map<TargetRow, Measured>,
  soakMinutes: number | undefined,
): Promise<RunningServer> {
  const [list, activity] = [rows[0], rows.at(-1)] as [TargetRow, TargetRow];
  const read = list.real as LoadRequest;
  const listMeasured = measured.get(list) as Measured;
  const overloadRate = 3 * listMeasured.max.okPerSecond;
  await overload('shedding on', read, overloadRate);
  add('after overload: first 200 (ms)', ms(await recoveryMs(read)));
  const after = await runPaced(read, { seconds: SECONDS, rate: listMeasured.rate });
  add(`after overload: list at ${listMeasured.rate}/s p99`, ms(after.okP99));
  if (soakMinutes) {
    const rates = { read: listMeasured.rate, write: measured.get(activity)?.rate ?? 1 };
    await soak(first, read, activity.real as LoadRequest, rates, soakMinutes);
  }
  await first.stop();
  const server = await startClosepath({ ...env, ...SHEDDING_OFF });
  const again = await signInDemoUser(server.address, 'ae');
  const url = `${server.address}${LIST_PATH}`;
  await overload('shedding off', { ...read, url, headers: again.headers }, overloadRate);
  return server;
}

const loadAverage = () => loadavg()[0]?.toFixed(1) ?? '?';

/** `only`: measure just the targets rows with these payload names (list, deal, at-risk, board, stage, activity). */
export async function runHttpLoadBench(
  options: { soakMinutes?: number; only?: string[] } = {},
): Promise<void> {
  const loadAtStart = loadAverage();
  const store = await benchStore();
  const scratch = await mkdtemp(path.join(tmpdir(), 'closepath-http-floor-'));
  console.error(`closepath HTTP load bench on ${store.engine}`);
  let server = await startClosepath(store.env);
  let bare: RunningServer | undefined;
  try {
    const ae = await signInDemoUser(server.address, 'ae');
    const others = await Promise.all(
      Array.from({ length: OTHER_AES }, (_, index) => signInDemoUser(server.address, 'ae', index + 1)),
    );
    const { rows } = await buildTargets(server.address, ae, others, scratch);
    bare = await startBareServer(scratch);
    const measured = new Map<TargetRow, Measured>();
    for (const row of rows)
      if (!options.only || options.only.includes(row.name)) measured.set(row, await measureTarget(row, bare));
    if (!options.only) server = await overloadAndSoak(server, store.env, rows, measured, options.soakMinutes);
  } finally {
    await server.stop();
    await bare?.stop();
    await store.drop();
    await rm(scratch, { recursive: true, force: true });
  }
  printTable(
    [
      `HTTP targets (loopback, autocannon; ${store.engine})`,
      'Closepath max 2xx/s',
      'floor max/s',
      'paced at ½ max',
      'Closepath p50 / p99',
      'floor p50 / p99',
      'p50 ratio Closepath ÷ floor (≤ 1.5×)',
      'Closepath failed (max + paced)',
    ],
    targetRows,
  );
  if (loadRows.length) {
    console.log();
    printTable(['HTTP overload (list 50)', `Closepath (${store.engine})`], loadRows);
  }
  console.log(
    `${CONNECTIONS} connections (stage changes: one per deal, at most ${CONNECTIONS}; overload: ${OVERLOAD_CONNECTIONS}), ` +
      `${SECONDS} s per run; load average ${loadAtStart} → ${loadAverage()} on ${cpus().length} CPUs; node ${process.version}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flagValue = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const soakMinutes = flagValue('--soak-minutes');
  await runHttpLoadBench({
    soakMinutes: soakMinutes === undefined ? undefined : Number(soakMinutes),
    only: flagValue('--only')?.split(','),
  });
}
