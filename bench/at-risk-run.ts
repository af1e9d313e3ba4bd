/**
 * npx tsx bench/at-risk-run.ts [COUNT]   (default 20000; DATABASE_URL=postgres://… for PostgreSQL)
 * Deals at risk alone: bulk-created deals with stored inspections, the plans (EXPLAIN) of the page and totals
 * statements and of the board's health order, then p50 of the use case beside its statements as raw SQL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp } from '../src/app/open-app.js';
import { runRawSql } from '../src/db/run-raw-sql.js';
import { atRiskShapes, benchAtRisk, explainAtRisk, storeBenchInspections } from './at-risk-bench.js';
import { bulkCreate, createOwnersAndAccounts } from './bench-data.js';
import { freshServerDatabase } from './server-database.js';

const count = Number(process.argv[2] ?? 20000);
const serverUrl = process.env.DATABASE_URL;
const server = serverUrl ? await freshServerDatabase(serverUrl, 'cp_bench_atrisk') : null;
const dataDir = server ? null : await mkdtemp(path.join(tmpdir(), 'cp-atrisk-'));
const app = await openApp(server ? { databaseUrl: server.url } : { dataDir: dataDir ?? undefined });
try {
  const now = new Date();
  const { accounts } = await createOwnersAndAccounts(app.context.db, now);
  let t = performance.now();
  await bulkCreate(app.context.db, app.context.playbook, count, accounts, now);
  console.log(`bulk create: ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  await storeBenchInspections(app.context);
  console.log(`store inspections: ${Math.round(performance.now() - t)} ms`);
  await runRawSql(app.context.db, 'analyze');
  console.log(await runRawSql(app.context.db, 'select at_risk, count(*) from deal_inspections group by 1'));
  const shapes = [
    ...atRiskShapes('emea', 'user_bench_3'),
    ...atRiskShapes('japac', 'user_bench_3').slice(1, 2),
  ];
  console.log(await explainAtRisk(app.context.db, shapes));
  const board = await runRawSql<Record<string, string>>(
    app.context.db,
    `explain select o.id, di.health_score from opportunities o join accounts a on a.id = o.account_id
       join users owner on owner.id = o.owner_id join deal_inspections di on di.opportunity_id = o.id
     where o.pipeline = 'new_business' and di.pipeline = 'new_business'
     order by di.health_score, di.opportunity_id limit 5000`,
  );
  console.log('-- board by health', ...board.map((row) => `\n${Object.values(row)[0]}`));
  for (const r of await benchAtRisk(app.context, shapes)) {
    const ratio = (r.app.p50 / r.floor.p50).toFixed(2);
    console.log(
      `${r.name} (${r.listed} at risk): p50 ${r.app.p50.toFixed(2)} ms, floor ${r.floor.p50.toFixed(2)} ms, ${ratio}×`,
    );
  }
} finally {
  await app.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  await server?.drop();
}
