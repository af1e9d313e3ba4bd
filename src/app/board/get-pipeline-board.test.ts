import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actor,
  admin,
  buildAccount,
  buildCustomerAccount,
  buildOpportunity,
  buildUser,
  testContext,
} from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { AppContext } from '../context.js';
import { changeStage } from '../opportunities/change-stage.js';
import { quarterRange } from './board-inputs.js';
import { getPipelineBoard, type PipelineBoard } from './get-pipeline-board.js';

let database: TestDatabase;
let context: AppContext;
const ids = { maya: '', lukas: '' };

/** Puts a deal in a stage through the real gate, forced with an admin override. */
async function moveTo(id: string, to: string) {
  const moved = await changeStage(context, admin(), id, { to, override: { justification: 'test setup' } });
  if (!moved.ok) throw new Error(moved.error.message);
}

beforeAll(async () => {
  database = await createTestDatabase();
  context = testContext(database.db).context;
  const maya = await buildUser(database.db, { name: 'Maya Chen', region: 'americas' });
  const lukas = await buildUser(database.db, { name: 'Lukas Weber', region: 'emea' });
  ids.maya = maya.id;
  ids.lukas = lukas.id;
  const northwind = await buildAccount(database.db, { name: 'Northwind Analytics' });
  const contoso = await buildAccount(database.db, {
    name: 'Contoso 100%_Data',
    country: 'DE',
    subdivision: null,
  });
  const deal = (ownerId: string, accountId: string, amountMinor: number, closeDate: string, name = 'Deal') =>
    buildOpportunity(context, { ownerId, accountId, amountMinor, closeDate, name });
  await deal(maya.id, northwind.id, 100_000_00, '2027-01-15', 'Northwind — lakehouse');
  const poc = await deal(maya.id, northwind.id, 200_000_00, '2027-02-10', 'Northwind — real-time');
  const emeaPoc = await deal(lukas.id, contoso.id, 50_000_00, '2027-05-20', 'Contoso — BI');
  await deal(lukas.id, contoso.id, 10_000_00, '2027-06-30', 'Contoso — pilot');
  await moveTo(poc.id, 'poc');
  await moveTo(emeaPoc.id, 'poc');
  const customer = await buildCustomerAccount(database.db, { name: 'Northwind Holdings' });
  const renewal = await buildOpportunity(context, {
    ownerId: maya.id,
    accountId: customer.id,
    type: 'renewal',
    name: 'Northwind renewal',
  });
  expect(renewal.pipeline).toBe('renewal');
});
afterAll(() => database.close());

const column = (board: PipelineBoard, stage: string) => board.columns.find((entry) => entry.stage === stage);

async function board(query: Parameters<typeof getPipelineBoard>[3] = {}, who = admin()) {
  const result = await getPipelineBoard(context, who, 'new_business', query);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the pipeline board', () => {
  it('has a column per stage with count, total and probability-weighted total', async () => {
    const all = await board();
    expect(all.columns.map((entry) => entry.stage)).toEqual(
      context.playbook.pipelines
        .find((pipeline) => pipeline.key === 'new_business')
        ?.stages.map((s) => s.key),
    );
    expect(column(all, 'created')).toMatchObject({
      count: 2,
      totals: [{ currency: 'USD', totalMinor: '11000000', weightedMinor: '0' }],
    });
    expect(column(all, 'poc')).toMatchObject({
      probability: 40,
      count: 2,
      totals: [{ currency: 'USD', totalMinor: '25000000', weightedMinor: '10000000' }],
    });
    expect(column(all, 'propose')).toMatchObject({ count: 0, totals: [] });
    expect(all).toMatchObject({ total: 4, truncated: false });
    expect(all.cards.map((card) => card.closeDate)).toEqual([
      '2027-01-15',
      '2027-02-10',
      '2027-05-20',
      '2027-06-30',
    ]);
    expect(all.cards[0]).toMatchObject({
      accountName: 'Northwind Analytics',
      ownerName: 'Maya Chen',
      version: 1,
    });
  });

  it('shows an AE only the deals they may read, in the cards and in the totals', async () => {
    const own = await board({}, actor(ids.maya, { role: 'ae', region: 'americas' }));
    expect(own.total).toBe(2);
    expect(own.cards.every((card) => card.ownerId === ids.maya)).toBe(true);
    expect(column(own, 'poc')?.totals).toEqual([
      { currency: 'USD', totalMinor: '20000000', weightedMinor: '8000000' },
    ]);
  });

  it.each([
    [{ region: 'emea' }, ['Contoso — BI', 'Contoso — pilot']],
    [{ closeQuarter: '2027-Q1' }, ['Northwind — lakehouse', 'Northwind — real-time']],
    [{ q: 'REAL-time' }, ['Northwind — real-time']],
    [{ q: 'contoso 100%_' }, ['Contoso — BI', 'Contoso — pilot']],
    [{ q: 'a_a' }, []],
    [{ type: 'upsell' }, []],
  ])('filters by %o', async (query, names) => {
    const filtered = await board(query);
    expect(filtered.cards.map((card) => card.name)).toEqual(names);
    expect(filtered.total).toBe(names.length);
  });

  it('filters by owner', async () => {
    const filtered = await board({ ownerId: ids.lukas });
    expect(filtered.cards.map((card) => card.ownerName)).toEqual(['Lukas Weber', 'Lukas Weber']);
  });

  it('answers not_found for a pipeline the playbook does not have', async () => {
    const result = await getPipelineBoard(context, admin(), 'partnerships', {});
    expect(result.ok ? null : result.error.code).toBe('not_found');
  });

  it('keeps each pipeline to its own deals', async () => {
    const result = await getPipelineBoard(context, admin(), 'renewal', {});
    expect(result.ok && result.value.cards.map((card) => card.name)).toEqual(['Northwind renewal']);
  });
});

describe('quarterRange', () => {
  it.each([
    ['2027-Q1', '2027-01-01', '2027-03-31'],
    ['2028-Q1', '2028-01-01', '2028-03-31'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
  ])('%s runs from %s to %s', (quarter, from, to) => {
    expect(quarterRange(quarter)).toEqual({ from, to });
  });
});
