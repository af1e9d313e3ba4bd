import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { GateSnapshot } from '../../domain/gates/gate-snapshot.js';
import { seedDemo } from './seed-demo.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the demo data set', { timeout: 120_000 }, () => {
  it('covers every region, type and stage, and every move passed its gate', async () => {
    const { context } = testContext(database.db);
    const progress: number[] = [];
    const summary = await seedDemo(context, {
      anchor: new Date('2026-11-26T12:00:00Z'),
      onProgress: (done) => progress.push(done),
    });
    expect(summary.accounts).toBeGreaterThanOrEqual(40);
    expect(summary.opportunities).toBeGreaterThanOrEqual(150);
    expect(progress.at(-1)).toBe(summary.opportunities);

    const accounts = await database.db.selectFrom('accounts').select(['country']).execute();
    expect(new Set(accounts.map((account) => account.country)).size).toBeGreaterThanOrEqual(25);

    const deals = await database.db
      .selectFrom('opportunities')
      .select(['type', 'pipeline', 'stage'])
      .execute();
    expect(new Set(deals.map((deal) => deal.type))).toEqual(
      new Set(['new_business', 'upsell', 'renewal', 'expansion']),
    );
    for (const pipeline of context.playbook.pipelines) {
      const seen = new Set(deals.filter((deal) => deal.pipeline === pipeline.key).map((deal) => deal.stage));
      expect([...seen].sort()).toEqual(pipeline.stages.map((stage) => stage.key).sort());
    }

    const moves = await database.db
      .selectFrom('events')
      .select(['gate'])
      .where('action', '=', 'opportunity.stage_changed')
      .execute();
    const gates = moves.map((move) => move.gate as unknown as GateSnapshot);
    const forward = gates.filter((gate) => gate.kind === 'advance' || gate.kind === 'close_won');
    expect(forward.every((gate) => gate.override !== null || gate.checks.every((check) => check.met))).toBe(
      true,
    );
    expect(gates.some((gate) => gate.override !== null)).toBe(true);
    expect(gates.some((gate) => gate.kind === 'regress' && gate.reason)).toBe(true);
    expect(gates.some((gate) => gate.kind === 'close_lost' && gate.lossReason)).toBe(true);
  });

  it('refuses to seed a database that already has users', async () => {
    const { context } = testContext(database.db);
    await expect(seedDemo(context, { anchor: new Date() })).rejects.toThrow(/already has users/);
  });
});
