/**
 * npx tsx bench/stage-change-bench.ts [DEALS]   (also part of `npm run bench`)
 * Stage changes through `changeStage` beside the same writes as raw SQL: one at a time and with 8 concurrent
 * clients. The floor per change, in one transaction: lock the deal, read its MEDDPICC and attestations, update
 * it, insert its history row, its audit event and outbox row, and upsert its stored inspection (a captured row of
 * the same size) — what a stage change must write, without the rules or the evidence reads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { systemActor } from '../src/app/access/actors.js';
import type { AppContext } from '../src/app/context.js';
import { openApp } from '../src/app/open-app.js';
import { changeStage } from '../src/app/opportunities/change-stage.js';
import { runRawSql } from '../src/db/run-raw-sql.js';
import type { Database } from '../src/db/schema.js';
import { bulkCreate, createOwnersAndAccounts } from './bench-data.js';
import { perSecond, type Timing, timeConcurrently, timeEach } from './measure.js';
import { printTable } from './report-table.js';
import { freshServerDatabase } from './server-database.js';

const CREATED_CRITERIA = [
  'nb_lead_captured',
  'nb_icp_fit',
  'nb_pressing_need',
  'nb_budget_authority_timeline',
];
const CREATED_MEDDPICC = ['economic_buyer', 'identify_pain', 'champion', 'competition'];
const CONCURRENCY = 8;

const raw = <Row = Record<string, unknown>>(db: Kysely<Database>, text: string, params: unknown[] = []) =>
  runRawSql<Row, Database>(db, text, params);

export interface StageChangeBench {
  one: { app: Timing; floor: Timing };
  concurrent: { app: Timing; floor: Timing };
  /** Deals moved by the app's one-at-a-time run (in Discover now), for reads measured afterwards. */
  movedIds: string[];
}

/** Deals in Created that may move to Discover: their exit criteria attested, MEDDPICC identified, a call logged. */
async function readyDeals(db: Kysely<Database>, count: number): Promise<string[]> {
  const candidates = await raw<{ id: string }>(
    db,
    `select id from opportunities where pipeline = 'new_business' and type = 'new_business' and stage = 'created'
     and closed_at is null order by id limit $1`,
    [count],
  );
  const ids = candidates.map((row) => row.id);
  if (ids.length < 4) throw new Error(`bench: ${ids.length} deals in Created, at least 4 needed`);
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
  return ids;
}

/** The raw writes of one stage change (see the header), with `detail` as the stored inspection's JSON. */
function floorMove(db: Kysely<Database>, detail: string) {
  return (id: string) =>
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
      await raw(
        trx,
        `insert into deal_inspections (opportunity_id, owner_id, created_by, pipeline, forecast_category, amount_minor,
           currency, close_date, health_score, health_band, indicator_mask, velocity_class, velocity_rank, days_in_stage,
           expected_days, meddpicc_score, at_risk, detail, computed_at, playbook_version)
         select id, owner_id, created_by, pipeline, forecast_category, amount_minor, currency, close_date, 50, 'yellow', 0,
           'standard', 2000000, 0, 10, 40, false, $2::jsonb, now(), 1 from opportunities where id = $1
         on conflict (opportunity_id) do update set health_score = excluded.health_score, detail = excluded.detail,
           computed_at = excluded.computed_at`,
        [id, detail],
      );
    });
}

/** Up to `samples` stage changes each way, one at a time and 8 at once (up to 4 × samples deals in Created). */
export async function benchStageChanges(context: AppContext, samples: number): Promise<StageChangeBench> {
  const { db } = context;
  const ids = await readyDeals(db, samples * 4);
  const part = Math.floor(ids.length / 4);
  const [appIds, concurrentIds, floorIds, concurrentFloorIds] = [0, 1, 2, 3].map((index) =>
    ids.slice(index * part, (index + 1) * part),
  ) as [string[], string[], string[], string[]];
  const actor = systemActor('bench');
  const move = async (id: string) => {
    const result = await changeStage(context, actor, id, { to: 'discover' });
    if (!result.ok) throw new Error(`bench: stage change refused: ${JSON.stringify(result.error)}`);
  };
  const app = await timeEach(appIds, move);
  const [stored] = await raw<{ detail: unknown }>(
    db,
    'select detail from deal_inspections where opportunity_id = $1',
    [appIds[0]],
  );
  const floor = floorMove(db, JSON.stringify(stored?.detail ?? {}));
  const floorOne = await timeEach(floorIds, floor);
  const appConcurrent = await timeConcurrently(concurrentIds, CONCURRENCY, move);
  const floorConcurrent = await timeConcurrently(concurrentFloorIds, CONCURRENCY, floor);
  return {
    one: { app, floor: floorOne },
    concurrent: { app: appConcurrent, floor: floorConcurrent },
    movedIds: appIds,
  };
}

/** The bench's rows: p50, p99 and throughput, one client and eight. */
export function stageChangeRows(run: StageChangeBench): string[][] {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const rate = (timing: Timing) => perSecond(timing.count, timing.totalMs);
  const ratio = (app: number, floor: number) => `${(app / floor).toFixed(2)}×`;
  const { one, concurrent } = run;
  return [
    [
      'stage change p50 (one at a time)',
      ms(one.app.p50),
      ms(one.floor.p50),
      ratio(one.app.p50, one.floor.p50),
    ],
    [
      'stage change p99 (one at a time)',
      ms(one.app.p99),
      ms(one.floor.p99),
      ratio(one.app.p99, one.floor.p99),
    ],
    [
      'stage change throughput (1 client, /s)',
      String(rate(one.app)),
      String(rate(one.floor)),
      ratio(rate(one.floor), rate(one.app)),
    ],
    [
      `stage change throughput (${CONCURRENCY} concurrent, /s)`,
      String(rate(concurrent.app)),
      String(rate(concurrent.floor)),
      ratio(rate(concurrent.floor), rate(concurrent.app)),
    ],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const deals = Number(process.argv[2] ?? 20_000);
  const samples = Number(process.env.BENCH_STAGE_SAMPLES ?? 500);
  const server = process.env.DATABASE_URL
    ? await freshServerDatabase(process.env.DATABASE_URL, 'cp_bench_stage')
    : null;
  const dataDir = server ? null : await mkdtemp(path.join(tmpdir(), 'closepath-bench-stage-'));
  const app = await openApp(server ? { databaseUrl: server.url } : { dataDir: dataDir ?? undefined });
  try {
    const now = new Date();
    const { accounts } = await createOwnersAndAccounts(app.context.db, now);
    await bulkCreate(app.context.db, app.context.playbook, deals, accounts, now);
    await raw(app.context.db, 'analyze');
    const run = await benchStageChanges(app.context, samples);
    printTable(
      [`${app.engine}, ${deals.toLocaleString('en')} deals`, 'Closepath', 'raw SQL floor', 'ratio'],
      stageChangeRows(run),
    );
  } finally {
    await app.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await server?.drop();
  }
}
