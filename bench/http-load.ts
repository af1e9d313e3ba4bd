/**
 * npm run bench:http [-- --soak-minutes N]   (also the last part of `npm run bench`)
 * Load and overload through HTTP on loopback with autocannon: the real `closepath serve --demo` (PGlite, or a
 * fresh database on DATABASE_URL) beside a bare Fastify route answering the same JSON (the HTTP floor).
 * 1. closed-loop maximum of a read (GET 50 deals) and a write (log an activity) as a demo AE;
 * 2. p50/p99 at half that maximum (the stated rate, sent at a steady pace), beside the bare route at the
 *    same rate;
 * 3. overload at 3× the maximum: how many answers are shed (503) and the p99 of those served, with load
 *    shedding on and, on a second server over the same data, off; then how long until a read answers 200
 *    again and the p99 at the stated rate after it;
 * 4. with --soak-minutes: reads and writes at the stated rate for N minutes, the server's memory sampled.
 * Every run is bounded in time; servers listen on 127.0.0.1 only.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type LoadRequest, type LoadResult, runLoad, runPaced } from './load-run.js';
import {
  benchStore,
  type RunningServer,
  residentMiB,
  type SignedIn,
  signInDemoUser,
  startBareServer,
  startClosepath,
} from './load-servers.js';
import { printTable } from './report-table.js';

const SECONDS = 5;
const CONNECTIONS = 16;
const OVERLOAD_CONNECTIONS = 256;
const READ_PATH = '/api/v1/opportunities?limit=50';
const SHEDDING_OFF = { SHED_CONCURRENT_REQUESTS: '0', SHED_EVENT_LOOP_DELAY_MS: '0' };

const rows: string[][] = [];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const shed = (result: LoadResult) => {
  const total = Object.values(result.statuses).reduce((sum, count) => sum + count, 0) + result.errors;
  const count = (status: string) => result.statuses[status] ?? 0;
  const others = total - count('200') - count('201') - count('503') - count('429');
  return `${total} sent: ${count('503')} × 503, ${count('429')} × 429, ${others + result.errors} other/failed`;
};

function add(what: string, closepath: string, floor = '', ratio = '') {
  rows.push([what, closepath, floor, ratio]);
  console.error(`  ${what}: ${closepath}${floor ? ` (floor ${floor})` : ''}`);
}

function targets(address: string, signedIn: SignedIn, dealId: string) {
  const read: LoadRequest = { method: 'GET', url: `${address}${READ_PATH}`, headers: signedIn.headers };
  const write: LoadRequest = {
    method: 'POST',
    url: `${address}/api/v1/opportunities/${dealId}/activities`,
    headers: { ...signedIn.headers, origin: address },
    body: JSON.stringify({ kind: 'note', summary: 'Load bench note' }),
  };
  return { read, write };
}

async function firstOwnDeal(address: string, signedIn: SignedIn): Promise<string> {
  const answer = await fetch(`${address}/api/v1/opportunities?limit=100`, { headers: signedIn.headers });
  const page = (await answer.json()) as { items: { id: string; ownerId: string }[] };
  const deal = page.items.find((item) => item.ownerId === signedIn.userId);
  if (!deal) throw new Error('the demo AE owns no deal');
  return deal.id;
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

async function measureLoad(bare: RunningServer, read: LoadRequest, write: LoadRequest) {
  const bareRead: LoadRequest = { method: 'GET', url: `${bare.address}/read` };
  const bareWrite: LoadRequest = { method: 'POST', url: `${bare.address}/write`, body: write.body ?? '' };
  const closed = { connections: CONNECTIONS, seconds: SECONDS };
  const maxRead = await runLoad(read, closed);
  const maxWrite = await runLoad(write, closed);
  add(
    'read: closed-loop maximum (req/s)',
    String(maxRead.requestsPerSecond),
    String((await runLoad(bareRead, closed)).requestsPerSecond),
  );
  add(
    'write: closed-loop maximum (req/s)',
    String(maxWrite.requestsPerSecond),
    String((await runLoad(bareWrite, closed)).requestsPerSecond),
  );

  const readRate = Math.max(1, Math.round(maxRead.requestsPerSecond / 2));
  const writeRate = Math.max(1, Math.round(maxWrite.requestsPerSecond / 2));
  for (const [name, request, floor, rate] of [
    ['read', read, bareRead, readRate],
    ['write', write, bareWrite, writeRate],
  ] as const) {
    const at = { rate, seconds: SECONDS };
    const app = await runPaced(request, at);
    const floorRun = await runPaced(floor, at);
    add(
      `${name} at ${rate}/s: p50`,
      ms(app.okP50),
      ms(floorRun.okP50),
      `${(app.okP50 / Math.max(floorRun.okP50, 0.1)).toFixed(1)}×`,
    );
    add(
      `${name} at ${rate}/s: p99`,
      ms(app.okP99),
      ms(floorRun.okP99),
      `${(app.okP99 / Math.max(floorRun.okP99, 0.1)).toFixed(1)}×`,
    );
  }
  return { maxRead, readRate, writeRate };
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

export async function runHttpLoadBench(options: { soakMinutes?: number } = {}): Promise<void> {
  const store = await benchStore();
  const scratch = await mkdtemp(path.join(tmpdir(), 'closepath-http-floor-'));
  console.error(`closepath HTTP load bench on ${store.engine}`);
  let server = await startClosepath(store.env);
  let bare: RunningServer | undefined;
  try {
    const signedIn = await signInDemoUser(server.address, 'ae');
    const { read, write } = targets(server.address, signedIn, await firstOwnDeal(server.address, signedIn));
    const payloadFile = path.join(scratch, 'read.json');
    await writeFile(payloadFile, await (await fetch(read.url, { headers: read.headers })).text());
    bare = await startBareServer(payloadFile);
    const { maxRead, readRate, writeRate } = await measureLoad(bare, read, write);

    const overloadRate = 3 * maxRead.requestsPerSecond;
    await overload('shedding on', read, overloadRate);
    add('after overload: first 200 (ms)', ms(await recoveryMs(read)));
    const after = await runPaced(read, { seconds: SECONDS, rate: readRate });
    add(`after overload: read at ${readRate}/s p99`, ms(after.okP99));
    if (options.soakMinutes)
      await soak(server, read, write, { read: readRate, write: writeRate }, options.soakMinutes);

    await server.stop();
    server = await startClosepath({ ...store.env, ...SHEDDING_OFF });
    const again = await signInDemoUser(server.address, 'ae');
    await overload(
      'shedding off',
      { ...read, url: `${server.address}${READ_PATH}`, headers: again.headers },
      overloadRate,
    );
  } finally {
    await server.stop();
    await bare?.stop();
    await store.drop();
    await rm(scratch, { recursive: true, force: true });
  }
  printTable(['HTTP (loopback, autocannon)', `Closepath (${store.engine})`, 'bare Fastify', 'ratio'], rows);
  console.log(
    `${CONNECTIONS} connections (overload: ${OVERLOAD_CONNECTIONS}), ${SECONDS} s per run; node ${process.version}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const soakAt = process.argv.indexOf('--soak-minutes');
  await runHttpLoadBench({ soakMinutes: soakAt > 0 ? Number(process.argv[soakAt + 1]) : undefined });
}
