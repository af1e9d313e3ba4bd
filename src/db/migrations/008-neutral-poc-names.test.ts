import { randomBytes } from 'node:crypto';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminStatement } from '../../../test/support/admin-statement.js';
import { type OpenedDatabase, openDatabase } from '../open-database.js';
import { migrations } from './index.js';

/** An empty database (not migrated): in-memory PGlite, or a new one on the TEST_DATABASE_URL server. */
async function openEmptyDatabase(): Promise<OpenedDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openDatabase();
  const admin = (statement: string) => runAdminStatement(adminUrl, statement);
  const name = `cp_test_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  } as OpenedDatabase;
}

const migrator = (db: Kysely<unknown>) =>
  new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });

const run = (db: Kysely<unknown>, statement: string) => sql.raw(statement).execute(db);

let database: OpenedDatabase;
let db: Kysely<unknown>;
beforeAll(async () => {
  database = await openEmptyDatabase();
  db = database.db as unknown as Kysely<unknown>;
  const before = await migrator(db).migrateTo('007-activities');
  if (before.error) throw before.error;
}, 60_000);
afterAll(() => database?.close());

describe('008: neutral names for our side of a POC', () => {
  it('renames the columns keeping their data and their checks, and frees the criteria groups', async () => {
    // A POC recorded under the old names, planted straight into its tables (the deal's foreign key relaxed).
    await run(db, 'alter table poc_plans drop constraint poc_plans_opportunity_id_fkey');
    await run(
      db,
      `insert into poc_plans (id, opportunity_id, tco_baseline_annual_minor, tco_firebolt_annual_minor,
      tco_currency, created_by, created_at, updated_at)
      values ('poc_1', 'opp_1', 90000000, 42000000, 'USD', 'user_1', now(), now())`,
    );
    await run(
      db,
      `insert into poc_benchmarks (id, plan_id, workload, baseline_latency_ms, firebolt_latency_ms,
      baseline_cost_minor, firebolt_cost_minor, currency, created_at)
      values ('bench_1', 'poc_1', 'Dashboard p95', 2400, 310, 120000, 40000, 'USD', now())`,
    );
    await expect(
      run(
        db,
        `insert into poc_success_criteria (id, plan_id, criteria_group, position, text, status)
        values ('crit_0', 'poc_1', 'safety', 0, 'No incident', 'pending')`,
      ),
    ).rejects.toThrow(/criteria_group_check/);

    const after = await migrator(db).migrateToLatest();
    expect(after.error).toBeUndefined();
    expect(after.results?.map((result) => result.migrationName)).toContain('008-neutral-poc-names');

    const plan = await sql<Record<string, unknown>>`
      select tco_baseline_annual_minor, tco_our_annual_minor from poc_plans where id = 'poc_1'`.execute(db);
    expect(plan.rows).toEqual([{ tco_baseline_annual_minor: 90000000, tco_our_annual_minor: 42000000 }]);
    const bench = await sql<Record<string, unknown>>`
      select our_latency_ms, our_cost_minor from poc_benchmarks where id = 'bench_1'`.execute(db);
    expect(bench.rows).toEqual([{ our_latency_ms: 310, our_cost_minor: 40000 }]);

    await expect(
      run(db, `update poc_benchmarks set our_latency_ms = -1 where id = 'bench_1'`),
    ).rejects.toThrow(/poc_benchmarks_our_latency_ms_check/);
    await expect(
      run(db, `update poc_plans set tco_our_annual_minor = -1 where id = 'poc_1'`),
    ).rejects.toThrow(/poc_plans_tco_our_annual_minor_check/);

    await run(
      db,
      `insert into poc_success_criteria (id, plan_id, criteria_group, position, text, status)
      values ('crit_1', 'poc_1', 'safety', 0, 'No safety incident during the trial', 'pending')`,
    );
    const groups = await sql<{ criteria_group: string }>`
      select criteria_group from poc_success_criteria`.execute(db);
    expect(groups.rows).toEqual([{ criteria_group: 'safety' }]);
  });
});
