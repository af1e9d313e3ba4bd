/**
 * npm run bench [-- COUNT]   (default 100000 opportunities; 1000000 for the large run)
 * Without DATABASE_URL: embedded PGlite in a fresh temporary data directory.
 * With DATABASE_URL=postgres://…: a fresh database is created on that server and dropped afterwards.
 * Prints each operation through Closepath beside the same work as raw SQL (the floor) and their ratio
 * (the Salesforce import at BENCH_IMPORT_ROWS rows, 10,000 unless set; `npm run bench:import` runs it alone),
 * then the HTTP load and overload table (bench/http-load.ts; `npm run bench:http` runs it alone).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { systemActor } from '../src/app/access/actors.js';
import { DEFAULT_TERRITORIES_FILE } from '../src/app/demo/demo-playbook.js';
import { openApp } from '../src/app/open-app.js';
import { getOpportunity } from '../src/app/opportunities/get-opportunity.js';
import { listOpportunities } from '../src/app/opportunities/list-opportunities.js';
import { readTerritoryModel } from '../src/app/territory/parse-territory-model.js';
import { runRawSql } from '../src/db/run-raw-sql.js';
import type { Database } from '../src/db/schema.js';
import type { TerritoryModel } from '../src/domain/territory/territory-model.js';
import { atRiskShapes, benchAtRisk, explainAtRisk, storeBenchInspections } from './at-risk-bench.js';
import { BENCH_OWNERS, bulkCreate, createOwnersAndAccounts } from './bench-data.js';
import { benchForecast } from './forecast-bench.js';
import { runHttpLoadBench } from './http-load.js';
import { benchImport } from './import-bench.js';
import { benchDomain } from './inspection-bench.js';
import { perSecond, type Timing, timeEach } from './measure.js';
import { printTable } from './report-table.js';
import { freshServerDatabase } from './server-database.js';
import { benchStageChanges, stageChangeRows } from './stage-change-bench.js';
import { benchTerritoryActivation } from './territory-activation-bench.js';
import { benchTerritoryRouting } from './territory-bench.js';

const count = Number(process.argv[2] ?? 100_000);
const SAMPLES = Math.min(1000, Math.floor(count / 20));

const raw = <Row = Record<string, unknown>>(db: Kysely<Database>, text: string, params: unknown[] = []) =>
  runRawSql<Row, Database>(db, text, params);

const rows: string[][] = [];
const ms = (value: number) => `${value.toFixed(2)} ms`;
function report(operation: string, app: string, floor: string, ratio: number | null) {
  rows.push([operation, app, floor, ratio === null ? '' : `${ratio.toFixed(2)}×`]);
  console.error(`  ${operation}: ${app} (floor ${floor})`);
}
const latency = (name: string, app: Timing, floor: Timing) => {
  report(`${name} p50`, ms(app.p50), ms(floor.p50), app.p50 / floor.p50);
  report(`${name} p99`, ms(app.p99), ms(floor.p99), app.p99 / floor.p99);
};

/** Territory activation that moves 20k accounts, in a database of its own (so no bench deal follows them). */
async function reportTerritoryActivation(serverUrl: string | undefined, model: TerritoryModel) {
  const accounts = Number(process.env.BENCH_TERRITORY_ACCOUNTS ?? 20_000);
  const server = serverUrl ? await freshServerDatabase(serverUrl, 'cp_bench_territory') : null;
  const dataDir = server ? null : await mkdtemp(path.join(tmpdir(), 'closepath-bench-territory-'));
  const app = await openApp(server ? { databaseUrl: server.url } : { dataDir: dataDir ?? undefined });
  try {
    const run = await benchTerritoryActivation(app, DEFAULT_TERRITORIES_FILE, model, accounts);
    report(
      `territory activation moving ${run.moved.toLocaleString('en')} accounts (floor: one raw UPDATE of the same rows)`,
      ms(run.activationMs),
      ms(run.floorMs),
      run.activationMs / run.floorMs,
    );
  } finally {
    await app.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await server?.drop();
  }
}

/** The Salesforce import beside COPY of the same rows, in a database of its own (bench/import-bench.ts). */
async function reportImport(serverUrl: string | undefined) {
  const run = await benchImport(Number(process.env.BENCH_IMPORT_ROWS ?? 10_000), serverUrl);
  const ours = perSecond(run.rows, run.importMs);
  const floor = perSecond(run.rows, run.floorMs);
  report(
    `Salesforce import, ${run.rows.toLocaleString('en')} rows all or nothing (rows/s; floor: COPY FROM of every row it wrote, into the same tables)`,
    ours.toLocaleString('en'),
    floor.toLocaleString('en'),
    floor / ours,
  );
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  const server = serverUrl ? await freshServerDatabase(serverUrl, 'cp_bench') : null;
  const dataDir = server ? null : await mkdtemp(path.join(tmpdir(), 'closepath-bench-'));
  const app = await openApp(server ? { databaseUrl: server.url } : { dataDir: dataDir ?? undefined });
  const { db, playbook } = app.context;
  console.error(`closepath bench: ${count} opportunities on ${app.engine}`);
  try {
    const now = new Date();
    const { accounts } = await createOwnersAndAccounts(db, now);

    const started = performance.now();
    await bulkCreate(db, playbook, count, accounts, now);
    const appRate = perSecond(count, performance.now() - started);
    // The floor: as many rows made by the server into the same table (same indexes, foreign keys and checks),
    // in a transaction rolled back afterwards.
    const floorMs = await db.connection().execute(async (connection) => {
      await raw(connection, 'begin');
      const at = performance.now();
      await raw(
        connection,
        `insert into opportunities select 'f' || g, 'acc_bench_' || (g % 1000), 'Deal ' || g, 'new_business', 'new_business',
         'created', 0, 'pipeline', g * 100, 'USD', current_date + (g % 730), 'user_bench_' || (g % ${BENCH_OWNERS}), 'ae',
         null, null, null, null, now(), null, 1, now(), now() from generate_series(1, $1::int) g`,
        [count],
      );
      const took = performance.now() - at;
      await raw(connection, 'rollback');
      return took;
    });
    const floorRate = perSecond(count, floorMs);
    report(
      'bulk create (rows/s; floor: server-side generate_series into the same table)',
      appRate.toLocaleString('en'),
      floorRate.toLocaleString('en'),
      floorRate / appRate,
    );
    const refreshStarted = performance.now();
    const stored = await storeBenchInspections(app.context);
    report(
      'inspection refresh of the bulk-created deals (backfill, 2,000 a transaction; deals/s)',
      perSecond(stored, performance.now() - refreshStarted).toLocaleString('en'),
      '',
      null,
    );
    await raw(db, 'analyze');

    const stageChanges = await benchStageChanges(app.context, SAMPLES / 2);
    rows.push(...stageChangeRows(stageChanges));
    const appIds = stageChanges.movedIds;
    const actor = systemActor('bench');

    const owners = Array.from({ length: 200 }, (_, index) => `user_bench_${(index * 7) % BENCH_OWNERS}`);
    const appList = await timeEach(owners, (ownerId) =>
      listOpportunities(app.context, actor, { ownerId, limit: 50 }),
    );
    const floorList = await timeEach(owners, (ownerId) =>
      raw(db, 'select * from opportunities where owner_id = $1 order by close_date, id limit 51', [ownerId]),
    );
    latency('list 50 by owner', appList, floorList);
    const stages = Array.from(
      { length: 200 },
      (_, index) => ['poc', 'propose', 'negotiate', 'signature'][index % 4] ?? 'poc',
    );
    const appStageList = await timeEach(stages, (stage) =>
      listOpportunities(app.context, actor, {
        pipeline: 'new_business',
        stage,
        closeDateFrom: '2027-01-01',
        limit: 50,
      }),
    );
    const floorStageList = await timeEach(stages, (stage) =>
      raw(
        db,
        `select * from opportunities where pipeline = 'new_business' and stage = $1 and close_date >= '2027-01-01' order by close_date, id limit 51`,
        [stage],
      ),
    );
    latency('list 50 by pipeline+stage+date', appStageList, floorStageList);
    const appGet = await timeEach(appIds.slice(0, 200), (id) => getOpportunity(app.context, actor, id));
    const floorGet = await timeEach(appIds.slice(0, 200), async (id) => {
      await raw(db, 'select * from opportunities where id = $1', [id]);
      await raw(db, 'select * from opportunity_meddpicc where opportunity_id = $1', [id]);
      await raw(db, 'select * from opportunity_attestations where opportunity_id = $1', [id]);
    });
    latency('get deal + next-stage gate', appGet, floorGet);

    const shapes = [
      ...atRiskShapes('emea', 'user_bench_3'),
      ...atRiskShapes('japac', 'user_bench_3').slice(1, 2),
    ];
    if (process.env.BENCH_EXPLAIN) console.error(await explainAtRisk(db, shapes));
    for (const shape of await benchAtRisk(app.context, shapes)) {
      latency(
        `deals at risk, ${shape.name} (${shape.listed.toLocaleString('en')} at risk; floor: the page and totals statements)`,
        shape.app,
        shape.floor,
      );
    }

    const forecast = await benchForecast(app.context, actor, db);
    latency(`forecast roll-up of every deal (${forecast.periods} quarters)`, forecast.app, forecast.floor);

    const domainCount = Number(process.env.BENCH_DOMAIN_COUNT ?? 1_000_000);
    const domain = benchDomain(playbook, domainCount, new Date());
    report(
      `gate + health + velocity, ${domainCount.toLocaleString('en')} in-memory deals, fast path (deals/s, one core)`,
      domain.fast.perSecond.toLocaleString('en'),
      '',
      null,
    );
    report(
      `gate + health + velocity, ${domain.plain.count.toLocaleString('en')} in-memory deals, plain evaluators (deals/s, one core)`,
      domain.plain.perSecond.toLocaleString('en'),
      '',
      null,
    );
    const territories = await readTerritoryModel(DEFAULT_TERRITORIES_FILE);
    if (!territories.ok) throw new Error('bench: the demo territory file does not load');
    const routing = benchTerritoryRouting(territories.value, domainCount);
    report(
      `territory routing, ${domainCount.toLocaleString('en')} in-memory accounts (accounts/s, one core)`,
      routing.perSecond.toLocaleString('en'),
      '',
      null,
    );
    await reportTerritoryActivation(serverUrl, territories.value);
    await reportImport(serverUrl);
  } finally {
    await app.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await server?.drop();
  }
  const header = [
    'operation',
    `Closepath (${app.engine}, ${count.toLocaleString('en')} deals)`,
    'raw SQL floor',
    'ratio',
  ];
  printTable(header, rows);
}

await main();
await runHttpLoadBench();
