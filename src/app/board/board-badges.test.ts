import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actor, admin, buildAccount, buildUser, testContext } from '../../../test/support/factories.js';
import { insertStoredDeals, plainDeal } from '../../../test/support/stored-deals.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { getPipelineBoard } from './get-pipeline-board.js';

let database: TestDatabase;
const { context } = testContext(undefined as never, new Date('2026-09-01T09:00:00Z'));
const DAY = 86_400_000;
const owners = { emea: '', americas: '' };
let closedId = '';

beforeAll(async () => {
  database = await createTestDatabase();
  context.db = database.db;
  owners.emea = (await buildUser(database.db, { role: 'ae', region: 'emea' })).id;
  owners.americas = (await buildUser(database.db, { role: 'ae', region: 'americas' })).id;
  const account = await buildAccount(database.db);
  const now = context.now().getTime();
  // Fresh or long in their stage, closing soon or next year: health and velocity differ, with ties.
  const deals = Array.from({ length: 12 }, (_, index) =>
    plainDeal(context, {
      ownerId: index % 2 === 0 ? owners.emea : owners.americas,
      accountId: account.id,
      name: `Deal ${index}`,
      stage: index % 3 === 0 ? 'discover' : 'created',
      closeDate: index % 4 === 0 ? '2026-09-30' : '2027-08-31',
      stageEnteredAt: new Date(now - (index % 3) * 40 * DAY),
      createdAt: new Date(now - (index % 3) * 40 * DAY),
    }),
  );
  const closed = plainDeal(context, {
    ownerId: owners.emea,
    accountId: account.id,
    name: 'Lost deal',
    stage: 'closed_lost',
    closeDate: '2026-08-01',
    closedAt: new Date(now - DAY),
    lossReason: 'budget',
  });
  closedId = closed.id;
  await insertStoredDeals(context, [...deals, closed]);
});
afterAll(() => database.close());

async function board(sort?: 'closeDate' | 'health' | 'velocity', who = admin()) {
  const result = await getPipelineBoard(context, who, 'new_business', sort ? { sort } : {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const stored = async () =>
  new Map(
    (await database.db.selectFrom('deal_inspections').selectAll().execute()).map((row) => [
      row.opportunity_id,
      row,
    ]),
  );

describe('board cards with their stored inspection', () => {
  it("carry each open deal's stored health and velocity; a closed deal has none", async () => {
    const rows = await stored();
    const { cards } = await board();
    expect(cards).toHaveLength(13);
    for (const card of cards) {
      const row = rows.get(card.id);
      if (card.id === closedId) {
        expect(card).toMatchObject({ healthScore: null, healthBand: null, velocityClass: null });
        continue;
      }
      expect(card).toMatchObject({
        healthScore: row?.health_score,
        healthBand: row?.health_band,
        velocityClass: row?.velocity_class,
      });
    }
    const open = cards.filter((card) => card.id !== closedId);
    expect(new Set(open.map((card) => card.healthScore)).size).toBeGreaterThan(1); // scores differ
    expect(new Set(open.map((card) => card.velocityClass)).size).toBeGreaterThan(1);
  });

  it('sorts by health, worst first, ties by deal id, closed deals last', async () => {
    const { cards } = await board('health');
    const open = cards.slice(0, -1);
    const keys = open.map((card) => [card.healthScore ?? 0, card.id] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    expect(cards.at(-1)?.id).toBe(closedId);
    expect(new Set(keys.map(([score]) => score)).size).toBeLessThan(keys.length);
  });

  it('sorts by velocity, At Risk first and the longest in stage first within a class', async () => {
    const rows = await stored();
    const { cards } = await board('velocity');
    const ranks = cards.slice(0, -1).map((card) => [rows.get(card.id)?.velocity_rank ?? 0, card.id] as const);
    expect(ranks).toEqual([...ranks].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    expect(cards[0]?.velocityClass).toBe('at_risk');
  });

  it('keeps visibility, filters and column counts whatever the order', async () => {
    const who = actor(owners.americas, { role: 'ae', region: 'americas' });
    const byDate = await board('closeDate', who);
    const byHealth = await board('health', who);
    expect(byHealth.cards.every((card) => card.ownerId === owners.americas)).toBe(true);
    expect(byHealth.cards.map((card) => card.id).sort()).toEqual(byDate.cards.map((card) => card.id).sort());
    expect(byHealth.columns).toEqual(byDate.columns);
    expect(byHealth.total).toBe(6);
  });
});
