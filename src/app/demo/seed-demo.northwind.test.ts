import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/support/factories.js';
import { firebolt, northwind } from '../../../test/support/playbook-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { GateSnapshot } from '../../domain/gates/gate-snapshot.js';
import { findPipeline, findStage } from '../../domain/playbook/lookup.js';
import { offPlaybookRefusal } from './playbook-fit.js';
import { seedDemo } from './seed-demo.js';

// The same seed on another company's playbook (BANT, one pipeline, a pilot, no renewals), smaller for CI.
const playbook = northwind();
const anchor = new Date('2026-11-26T12:00:00Z');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  const { context } = testContext(database.db, anchor, playbook);
  await seedDemo(context, { anchor, accounts: 16, opportunities: 56 });
}, 120_000);
afterAll(() => database.close());

describe("the demo data set on Northwind's playbook", () => {
  it('puts every deal in a stage of its pipeline, some won, some lost, some in each open stage', async () => {
    const deals = await database.db
      .selectFrom('opportunities')
      .select(['type', 'pipeline', 'stage', 'source', 'currency', 'loss_reason', 'winning_competitor'])
      .execute();
    expect(deals).toHaveLength(56);
    const pipeline = findPipeline(playbook, 'sales');
    if (!pipeline) throw new Error('no sales pipeline');
    for (const deal of deals) {
      expect(deal.pipeline).toBe('sales');
      expect(findStage(pipeline, deal.stage), deal.stage).toBeDefined();
      expect(playbook.leadSources.map((source) => source.key)).toContain(deal.source);
      expect(deal.currency).toBe('EUR');
    }
    const seen = new Set(deals.map((deal) => deal.stage));
    expect([...seen].sort()).toEqual(pipeline.stages.map((stage) => stage.key).sort());
    const lost = deals.filter((deal) => deal.stage === 'closed_lost_deal');
    const reasons = playbook.lossReasons.map((reason) => reason.key);
    expect(lost.every((deal) => reasons.includes(deal.loss_reason ?? ''))).toBe(true);
    expect(lost.every((deal) => (deal.loss_reason === 'rival') === (deal.winning_competitor !== null))).toBe(
      true,
    );
  });

  it('gives each account the types of its class: first cells to prospects, more cells to customers under contract', async () => {
    const deals = await database.db
      .selectFrom('opportunities')
      .leftJoin('contracts', 'contracts.account_id', 'opportunities.account_id')
      .select(['opportunities.id', 'opportunities.type', 'contracts.id as contract'])
      .execute();
    expect(new Set(deals.map((deal) => deal.type))).toEqual(new Set(['first_cell', 'more_cells']));
    for (const deal of deals) {
      expect(deal.type === 'more_cells', deal.id).toBe(deal.contract !== null);
    }
  });

  it('runs pilots on the deals that reached the pilot stages, and every move passed its gate', async () => {
    const plans = await database.db
      .selectFrom('poc_plans')
      .innerJoin('opportunities', 'opportunities.id', 'poc_plans.opportunity_id')
      .select(['opportunities.stage', 'poc_plans.opportunity_id'])
      .execute();
    expect(plans.length).toBeGreaterThan(10);
    expect(plans.every((plan) => plan.stage !== 'appointment_scheduled')).toBe(true);
    const trials = await database.db
      .selectFrom('poc_sessions')
      .select(['template_key', 'status'])
      .where('template_key', '=', 'cell_trial')
      .execute();
    expect(trials.some((session) => session.status === 'completed')).toBe(true);
    const groups = await database.db.selectFrom('poc_success_criteria').select(['criteria_group']).execute();
    expect(new Set(groups.map((row) => row.criteria_group))).toEqual(new Set(['throughput', 'safety']));

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
    expect(gates.some((gate) => gate.kind === 'regress' && gate.reason)).toBe(true);
  });

  it('refuses another playbook over this data: its deals would be stranded', async () => {
    expect(await offPlaybookRefusal(database.db, playbook)).toBeNull();
    const refusal = await offPlaybookRefusal(database.db, firebolt());
    expect(refusal).toMatch(
      /56 deal\(s\) whose type, pipeline or stage the playbook "firebolt" does not have/,
    );
  });
});
