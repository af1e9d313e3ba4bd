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
import { changeStage } from '../src/app/opportunities/change-stage.js';
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
import { perSecond, type Timing, timeConcurrently, timeEach } from './measure.js';
import { printTable } from './report-table.js';
import { freshServerDatabase } from './server-database.js';
import { benchTerritoryActivation } from './territory-activation-bench.js';
import { benchTerritoryRouting } from './territory-bench.js';

const count = Number(process.argv[2] ?? 100_000);
const SAMPLES = Math.min(1000, Math.floor(count / 20));
const CREATED_CRITERIA = [
  'nb_lead_captured',
  'nb_icp_fit',
  'nb_pressing_need',
  'nb_budget_authority_timeline',
];
const CREATED_MEDDPICC = ['economic_buyer', 'identify_pain', 'champion', 'competition'];

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
    `Salesforce import, ${run.rows.toLocaleString('en')} rows all or nothing (rows/s; floor: COPY FROM of the same rows into the same tables)`,
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

    const candidates = await raw<{ id: string }>(
      db,
      `select id from opportunities where pipeline = 'new_business' and type = 'new_business' and stage = 'created' order by id limit $1`,
      [SAMPLES * 2],
    );
    const ids = candidates.map((row) => row.id);
    await raw(
      db,
      `insert into opportunity_meddpicc (opportunity_id, element, level, summary, contact_id, updated_by, updated_at)
       select o, e, 'identified', 'bench', null, 'bench', now() from unnest($1::text[]) o, unnest($2::text[]) e`,
      [ids, CREATED_MEDDPICC],
    );
    await raw(
      db,
      `insert into opportunity_attestations (opportunity_id, criterion, attested_by, attested_at, note, evidence_url)
       select o, c, 'bench', now(), null, null from unnest($1::text[]) o, unnest($2::text[]) c`,
      [ids, CREATED_CRITERIA],
    );
    // "Call notes" and "meaningful discussion" are derived from a logged call on the deal.
    await raw(
      db,
      `insert into activities (id, account_id, opportunity_id, kind, occurred_at, summary, created_by, created_at, updated_at)
       select 'act_' || o.id, o.account_id, o.id, 'call', now() - interval '1 day', 'Discovery call', 'bench', now(), now()
       from opportunities o where o.id = any($1::text[])`,
      [ids],
    );
    const appIds = ids.slice(0, SAMPLES / 2);
    const concurrentIds = ids.slice(SAMPLES / 2, SAMPLES);
    const floorIds = ids.slice(SAMPLES);
    const actor = systemActor('bench');
    const move = async (id: string) => {
      const result = await changeStage(app.context, actor, id, { to: 'discover' });
      if (!result.ok) throw new Error(`bench: stage change refused: ${JSON.stringify(result.error)}`);
    };
    const appMove = await timeEach(appIds, move);
    const concurrentMove = await timeConcurrently(concurrentIds, 8, move);
    const floorMove = await timeEach(floorIds, (id) =>
      db.transaction().execute(async (trx) => {
        await raw(trx, 'select * from opportunities where id = $1 for update', [id]);
        await raw(trx, 'select * from opportunity_meddpicc where opportunity_id = $1', [id]);
        await raw(trx, 'select * from opportunity_attestations where opportunity_id = $1', [id]);
        await raw(
          trx,
          `update opportunities set stage = 'discover', probability = 10, version = version + 1, stage_entered_at = now(), updated_at = now() where id = $1`,
          [id],
        );
        await raw(
          trx,
          `insert into opportunity_stage_changes (opportunity_id, from_stage, to_stage, kind, overridden, changed_by, changed_at) values ($1, 'created', 'discover', 'advance', false, 'bench', now())`,
          [id],
        );
        const [event] = await raw<{ id: number }>(
          trx,
          `insert into events (occurred_at, actor_id, entity_type, entity_id, opportunity_id, action, gate) values (now(), 'bench', 'opportunity', $1, $1, 'opportunity.stage_changed', '{}') returning id`,
          [id],
        );
        await raw(
          trx,
          `insert into outbox (event_id, topic, payload, created_at) values ($1, 'x', '{}', now())`,
          [event?.id],
        );
      }),
    );
    latency('stage change (one at a time)', appMove, floorMove);
    const appThroughput = perSecond(appMove.count, appMove.totalMs);
    const floorThroughput = perSecond(floorMove.count, floorMove.totalMs);
    report(
      'stage change throughput (1 client, /s)',
      String(appThroughput),
      String(floorThroughput),
      floorThroughput / appThroughput,
    );
    report(
      'stage change throughput (8 concurrent, /s)',
      String(perSecond(concurrentMove.count, concurrentMove.totalMs)),
      '',
      null,
    );

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
