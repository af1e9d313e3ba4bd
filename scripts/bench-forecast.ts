/**
 * The forecast aggregate over N generated deals (default 200,000) on PGlite, or on the server of DATABASE_URL:
 * the repository's query under a RevOps admin's visibility and the whole use case (getForecast), beside the raw
 * SQL of the same aggregate.
 * `npx tsx scripts/bench-forecast.ts [N]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { systemActor } from '../src/app/access/actors.js';
import { getForecast } from '../src/app/forecast/get-forecast.js';
import { openApp } from '../src/app/open-app.js';
import { sumDealsByOwnerAndMonth } from '../src/db/repositories/forecast-repo.js';

const N = Number(process.argv[2] ?? 200_000);
const dataDir = process.env.DATABASE_URL
  ? undefined
  : await mkdtemp(path.join(tmpdir(), 'closepath-bench-forecast-'));
const app = await openApp(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir });
const db = app.context.db;
await sql`insert into users (id, email, name, role, region, created_at)
  select 'u' || i, 'u' || i || '@x.test', 'User ' || i, 'ae', case when i % 3 = 0 then 'emea' else 'americas' end, now()
  from generate_series(1, 50) i`.execute(db);
await sql`insert into accounts (id, name, owner_id, country, segment, created_at, updated_at)
  select 'a' || i, 'Acct ' || i, 'u' || (1 + i % 50), 'US', 'enterprise', now(), now() from generate_series(1, 1000) i`.execute(
  db,
);
const started = performance.now();
await sql`insert into opportunities (id, account_id, name, type, pipeline, stage, probability, forecast_category,
    amount_minor, currency, close_date, owner_id, source, stage_entered_at, created_at, updated_at)
  select 'o' || i, 'a' || (1 + i % 1000), 'Deal ' || i, 'new_business', 'new_business', 'discover', (i % 10) * 10,
    (array['pipeline','best_case','commit','closed','omitted'])[1 + i % 5], 1000 + (i % 997) * 100,
    (array['USD','EUR','GBP'])[1 + i % 3], date '2026-01-01' + (i % 730), 'u' || (1 + i % 50), 'ae', now(), now(), now()
  from generate_series(1, ${N}) i`.execute(db);
await sql`insert into fx_rates (currency, rate, updated_by, updated_at) values ('EUR', 1.08, 'bench', now()), ('GBP', 1.27, 'bench', now())`.execute(
  db,
);
console.log(`inserted ${N} deals in ${Math.round(performance.now() - started)} ms`);
await sql`vacuum analyze opportunities`.execute(db);
const range = { kind: 'quarter' as const, fiscalYearStartMonth: 2, from: '2025-11-01', to: '2028-01-31' };
const all = { all: true } as never;
const time = async (label: string, run: () => Promise<unknown>) => {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const best = Math.min(...times);
  console.log(`${label}: best of 3 ${Math.round(best)} ms`);
  return best;
};
const repo = await time('repository aggregate', () => sumDealsByOwnerAndMonth(db, range, all));
const raw = await time('raw SQL', () =>
  sql`select owner_id, to_char(date_trunc('month', close_date::timestamp), 'YYYY-MM-DD'), forecast_category, currency,
      sum(amount_minor)::text, sum(amount_minor * probability)::text
    from opportunities where close_date >= '2025-11-01' and close_date <= '2028-01-31' and forecast_category <> 'omitted'
    group by owner_id, date_trunc('month', close_date::timestamp), forecast_category, currency`.execute(db),
);
const whole = await time(
  'the use case (getForecast: aggregate, quotas, calls, people, roll-up)',
  async () => {
    const answer = await getForecast(app.context, systemActor('bench'), {
      period: 'quarter',
      from: range.from,
      to: range.to,
    });
    if (!answer.ok) throw new Error(answer.error.message);
  },
);
console.log(
  `ratio repository / raw: ${(repo / raw).toFixed(2)}; use case / raw: ${(whole / raw).toFixed(2)}`,
);
await app.close();
if (dataDir) await rm(dataDir, { recursive: true, force: true });
