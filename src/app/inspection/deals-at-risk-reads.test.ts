import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actor, admin, buildAccount, buildUser, testContext } from '../../../test/support/factories.js';
import { insertStoredDeals, plainDeal } from '../../../test/support/stored-deals.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { Actor } from '../context.js';
import { encodeCursor } from '../shared/cursor.js';
import { type AtRiskQuery, atRiskQuery, type DealAtRisk, listDealsAtRisk } from './list-deals-at-risk.js';

let database: TestDatabase;
const { context } = testContext(undefined as never, new Date('2026-09-01T09:00:00Z'));
const DAY = 86_400_000;

/** Who owns which deals: a manager's team of two in EMEA, an AE on their own in the Americas. */
const org = {} as Record<'manager' | 'teamAe' | 'teammate' | 'soloAe' | 'rvp' | 'finance', Actor>;
const owned = {} as Record<'manager' | 'teamAe' | 'teammate' | 'soloAe', string[]>;
const STAGES = ['created', 'discover', 'propose', 'signature'] as const; // pipeline, pipeline, best case, commit

beforeAll(async () => {
  database = await createTestDatabase();
  context.db = database.db;
  const manager = await buildUser(database.db, { role: 'ae', region: 'emea' });
  const users = {
    manager,
    teamAe: await buildUser(database.db, { role: 'ae', region: 'emea', managerId: manager.id }),
    teammate: await buildUser(database.db, { role: 'ae', region: 'emea', managerId: manager.id }),
    soloAe: await buildUser(database.db, { role: 'ae', region: 'americas' }),
  };
  const account = await buildAccount(database.db);
  const now = context.now().getTime();
  const deals = Object.entries(users).flatMap(([name, user], userIndex) =>
    Array.from({ length: 5 }, (_, index) => {
      const seed = userIndex * 5 + index;
      const fresh = index === 4;
      const deal = plainDeal(context, {
        ownerId: user.id,
        accountId: account.id,
        stage: fresh ? 'created' : (STAGES[seed % STAGES.length] ?? 'created'),
        // Ties on purpose: equal amounts and close dates are ordered by deal id.
        amountMinor: ((seed * 7) % 5) * 1_000_00 + 1_000_00,
        closeDate: fresh ? '2027-09-30' : `2026-${String(10 + (seed % 3)).padStart(2, '0')}-15`,
        // All but the last of each owner's deals have sat for months; the last is new, closing next year.
        stageEnteredAt: new Date(now - (fresh ? 1 : 60 + (seed % 4) * 7) * DAY),
        createdAt: new Date(now - (fresh ? 1 : 200) * DAY),
      });
      owned[name as keyof typeof owned] = [...(owned[name as keyof typeof owned] ?? []), deal.id];
      return deal;
    }),
  );
  await insertStoredDeals(context, deals);
  for (const [name, user] of Object.entries(users))
    org[name as keyof typeof users] = actor(user.id, {
      role: 'ae',
      region: user.region,
      managerId: user.managerId,
    });
  org.rvp = actor('user_rvp_emea', { role: 'rvp', region: 'emea' });
  org.finance = actor('user_finance', { role: 'vp_finance' });
});
afterAll(() => database.close());

/** Every page of the list, in order, by following the cursor. */
async function allPages(who: Actor, query: Partial<AtRiskQuery>, limit = 3) {
  const items: DealAtRisk[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await listDealsAtRisk(context, who, atRiskQuery.parse({ ...query, limit, cursor }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.items.length).toBeLessThanOrEqual(limit);
    items.push(...result.value.items);
    cursor = result.value.nextCursor ?? undefined;
    if (!cursor) return { items, totals: result.value.totals, byOwner: result.value.byOwner };
  }
  throw new Error('the cursor never ended');
}

const atRiskIds = async () =>
  new Set(
    (
      await database.db
        .selectFrom('deal_inspections')
        .select('opportunity_id')
        .where('at_risk', '=', true)
        .execute()
    ).map((row) => row.opportunity_id),
  );

describe('deals at risk from the stored inspections', () => {
  it('shows each role the deals it may see, and no others', async () => {
    const risky = await atRiskIds();
    const listed = async (who: Actor) =>
      new Set((await allPages(who, {})).items.map((item) => item.opportunity.id));
    const expected = (ids: string[]) => new Set(ids.filter((id) => risky.has(id)));
    expect(await listed(org.soloAe)).toEqual(expected(owned.soloAe));
    expect(await listed(org.teamAe)).toEqual(expected([...owned.teamAe, ...owned.teammate]));
    expect(await listed(org.manager)).toEqual(
      expected([...owned.manager, ...owned.teamAe, ...owned.teammate]),
    );
    expect(await listed(org.rvp)).toEqual(expected([...owned.manager, ...owned.teamAe, ...owned.teammate]));
    const finance = (await allPages(org.finance, {})).items;
    expect(finance.length).toBeGreaterThan(0);
    expect(finance.every((item) => ['best_case', 'commit'].includes(item.opportunity.forecastCategory))).toBe(
      true,
    );
    const all = Object.values(owned).flat();
    expect(await listed(admin())).toEqual(expected(all));
    expect(risky.size).toBeGreaterThan(10);
    expect(risky.size).toBeLessThan(all.length); // the fresh deals that are healthy are not listed
  });

  const keyOf = {
    health: (item: DealAtRisk) => item.inspection.health.score,
    velocity: (item: DealAtRisk) =>
      ({ at_risk: 0, recovery: 1, standard: 2, fast_track: 3 })[item.inspection.velocity.class] * 1_000_000 -
      item.inspection.velocity.daysInStage,
    amount: (item: DealAtRisk) => -item.opportunity.amountMinor,
    closeDate: (item: DealAtRisk) => item.opportunity.closeDate,
  } as const;

  for (const sort of ['health', 'velocity', 'amount', 'closeDate'] as const) {
    it(`pages by ${sort} without gaps or repeats, worst first, ties by deal id; totals are the pages' sum`, async () => {
      const { items, totals, byOwner } = await allPages(admin(), { sort });
      const ids = items.map((item) => item.opportunity.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(await atRiskIds());
      const keys = items.map((item) => [keyOf[sort](item), item.opportunity.id] as const);
      const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
      expect(keys).toEqual(sorted);
      expect(new Set(keys.map(([key]) => key)).size).toBeLessThan(keys.length); // ties were met and broken
      const sum = items.reduce((total, item) => total + item.opportunity.amountMinor, 0);
      expect(totals).toEqual({
        deals: items.length,
        amounts: [{ currency: 'USD', amountMinor: String(sum) }],
      });
      expect(byOwner.reduce((total, owner) => total + owner.deals, 0)).toBe(items.length);
    });
  }

  it('narrows by owner, region and pipeline, and pages one owner the same way', async () => {
    const soloAe = org.soloAe.principal.id;
    const byOwner = await allPages(admin(), { ownerId: soloAe, sort: 'amount' }, 2);
    expect(byOwner.items.every((item) => item.opportunity.ownerId === soloAe)).toBe(true);
    expect(byOwner.items.length).toBe(byOwner.totals.deals);
    const americas = await allPages(admin(), { region: 'americas' });
    expect(americas.items.map((item) => item.opportunity.id).sort()).toEqual(
      byOwner.items.map((item) => item.opportunity.id).sort(),
    );
    const renewals = await allPages(admin(), { pipeline: 'renewal' });
    expect(renewals.items).toEqual([]);
    expect(renewals.totals).toEqual({ deals: 0, amounts: [] });
  });

  it('refuses a cursor of another order (a date where a score belongs) before any SQL', async () => {
    const first = await listDealsAtRisk(context, admin(), atRiskQuery.parse({ sort: 'closeDate', limit: 1 }));
    const cursor = first.ok ? (first.value.nextCursor ?? undefined) : undefined;
    expect(cursor).toBeDefined();
    const mixed = await listDealsAtRisk(context, admin(), atRiskQuery.parse({ sort: 'health', cursor }));
    expect(mixed.ok ? 'ok' : mixed.error.code).toBe('validation_failed');
  });

  it('answers a cursor whose key is beyond any stored score or rank (the fuzz found a 500 there)', async () => {
    const beyond = async (sort: AtRiskQuery['sort'], key: number) => {
      const cursor = encodeCursor([key, 'opp_zzz']);
      const answer = await listDealsAtRisk(context, admin(), atRiskQuery.parse({ sort, cursor }));
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value.items.length;
    };
    const all = (await allPages(admin(), {})).items.length;
    expect(all).toBeGreaterThan(0);
    expect(await beyond('health', 40_000)).toBe(0);
    expect(await beyond('velocity', Number.MAX_SAFE_INTEGER)).toBe(0);
    expect(await beyond('health', -40_000)).toBe(Math.min(all, 50));
    expect(await beyond('amount', Number.MAX_SAFE_INTEGER)).toBe(0);
  });
});
