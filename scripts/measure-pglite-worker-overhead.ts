// Usage: npx tsx scripts/measure-pglite-worker-overhead.ts [iterations]
// Compares PGlite in-process with PGlite behind the worker thread (and the Kysely driver on top of it):
// per-query latency of `select 1`, of a 1,000-row read, and the event-loop stall during a long query.
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery } from 'kysely';
import { openPglite } from '../src/db/pglite/open-pglite.js';
import { startPgliteWorker } from '../src/db/pglite/pglite-worker-client.js';
import { typeParsers } from '../src/db/type-parsers.js';

const iterations = Number(process.argv[2] ?? 5000);
const ROWS_SQL = 'select g as id, now() as at, g::text as label from generate_series(1, 1000) g';
const LONG_SQL = 'select count(*) from generate_series(1, 3000000)';

async function timePerCall(label: string, count: number, run: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(200, count); i++) await run();
  const started = performance.now();
  for (let i = 0; i < count; i++) await run();
  const micros = ((performance.now() - started) * 1000) / count;
  return { label, count, micros };
}

async function measureEventLoopStall(run: () => Promise<unknown>): Promise<{ ms: number; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(timer);
  return { ms, stallMs };
}

const inProcess = await PGlite.create({ parsers: { ...typeParsers } });
const client = await startPgliteWorker({});
const opened = await openPglite();

const rows = Math.max(50, Math.floor(iterations / 20));
const results = [
  await timePerCall('select 1 — PGlite in-process', iterations, () => inProcess.query('select 1')),
  await timePerCall('select 1 — worker thread (raw client)', iterations, () => client.query('select 1', [])),
  await timePerCall('select 1 — worker thread via Kysely driver', iterations, () =>
    opened.db.executeQuery(CompiledQuery.raw('select 1')),
  ),
  await timePerCall('1,000 rows — PGlite in-process', rows, () => inProcess.query(ROWS_SQL)),
  await timePerCall('1,000 rows — worker thread via Kysely driver', rows, () =>
    opened.db.executeQuery(CompiledQuery.raw(ROWS_SQL)),
  ),
];
const stallInProcess = await measureEventLoopStall(() => inProcess.query(LONG_SQL));
const stallWorker = await measureEventLoopStall(() => opened.db.executeQuery(CompiledQuery.raw(LONG_SQL)));

const base = results[0]?.micros ?? 1;
console.log(`node ${process.version}, ${iterations} iterations\n`);
console.log('| query | calls | µs per call | vs in-process select 1 |');
console.log('|---|---:|---:|---:|');
for (const { label, count, micros } of results) {
  console.log(`| ${label} | ${count} | ${micros.toFixed(1)} | ×${(micros / base).toFixed(2)} |`);
}
console.log('\n| long query (count over 3M rows) | duration ms | longest event-loop stall ms |');
console.log('|---|---:|---:|');
console.log(`| PGlite in-process | ${stallInProcess.ms.toFixed(0)} | ${stallInProcess.stallMs.toFixed(0)} |`);
console.log(`| worker thread | ${stallWorker.ms.toFixed(0)} | ${stallWorker.stallMs.toFixed(0)} |`);

await inProcess.close();
await client.close();
await opened.close();
