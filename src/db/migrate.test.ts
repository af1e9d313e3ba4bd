import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { listPendingMigrations, migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('migrations', () => {
  it('leaves nothing pending after the harness migrated', async () => {
    expect(await listPendingMigrations(database.db)).toEqual([]);
  });

  it('is a no-op when run again', async () => {
    const tablesBefore = await listTables();
    expect(await migrateToLatest(database.db)).toEqual({ executed: [] });
    expect(await migrateToLatest(database.db)).toEqual({ executed: [] });
    expect(await listTables()).toEqual(tablesBefore);
  });

  it('records every known migration once', async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      database.db,
    );
    expect(rows.map((row) => row.name)).toEqual(Object.keys(migrations));
  });

  it('creates every table of the schema', async () => {
    expect(await listTables()).toEqual(
      [
        'accounts',
        'activities',
        'api_tokens',
        'contacts',
        'contracts',
        'deal_inspections',
        'deal_snapshots',
        'events',
        'forecast_calls',
        'fx_rates',
        'gate_snapshots',
        'idempotency_keys',
        'import_runs',
        'import_upload_chunks',
        'import_uploads',
        'inbound_events',
        'job_runs',
        'offer_approvals',
        'offer_versions',
        'offers',
        'opportunities',
        'opportunity_attestations',
        'opportunity_meddpicc',
        'opportunity_milestones',
        'opportunity_stage_changes',
        'outbox',
        'pipeline_expectations',
        'playbook_versions',
        'poc_benchmarks',
        'poc_plans',
        'poc_sessions',
        'poc_success_criteria',
        'quotas',
        'quote_counters',
        'quotes',
        'rate_limit_windows',
        'sessions',
        'territory_models',
        'users',
        'webhook_attempts',
        'webhook_deliveries',
        'webhook_subscriptions',
      ].sort(),
    );
  });
});

async function listTables(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(
    database.db,
  );
  return rows.map((row) => row.name);
}
