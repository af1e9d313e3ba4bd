import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/db/repositories/users-repo.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildAccount, buildOpportunity, buildUser, testContext } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let finance: ApiClient;
let rvp: ApiClient;
let abroadClient: ApiClient;
let ae: User;
let abroad: User;

/** Records a contract on the account through the API, as Finance. */
async function contract(accountId: string, terms: Record<string, unknown>): Promise<string> {
  const recorded = await finance.call('POST', `/api/v1/accounts/${accountId}/contracts`, {
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    currency: 'USD',
    ...terms,
  });
  if (recorded.status !== 201) throw new Error(JSON.stringify(recorded.body));
  return recorded.body.contract.id;
}

/** A deal of `owner` of `type`, moved to its pipeline's won stage (or lost) at `closedAt`. */
async function closedDeal(
  owner: User,
  type: string,
  amountMinor: number,
  closedAt: string,
  options: { currency?: string; stage?: string } = {},
) {
  const { context } = testContext(api.database.db);
  const account = await buildAccount(api.database.db, { ownerId: owner.id });
  const created = await buildOpportunity(context, {
    ownerId: owner.id,
    accountId: account.id,
    amountMinor,
    currency: options.currency ?? 'USD',
  });
  const pipeline = type === 'renewal' || type === 'expansion' ? 'renewal' : 'new_business';
  const stage = options.stage ?? 'closed_won';
  await api.database.db
    .updateTable('opportunities')
    .set({
      type,
      pipeline,
      stage,
      forecast_category: stage === 'closed_won' ? 'closed' : 'omitted',
      probability: stage === 'closed_won' ? 100 : 0,
      closed_at: new Date(closedAt),
    })
    .where('id', '=', created.id)
    .execute();
}

beforeAll(async () => {
  api = await openTestApi();
  const db = api.database.db;
  finance = await signIn(api.app, await buildUser(db, { role: 'vp_finance', region: null }));
  const rvpUser = await buildUser(db, { role: 'rvp', region: 'emea', name: 'Rita RVP' });
  rvp = await signIn(api.app, rvpUser);
  ae = await buildUser(db, { role: 'ae', region: 'emea', managerId: rvpUser.id, name: 'Ada AE' });
  abroad = await buildUser(db, { role: 'ae', region: 'americas', name: 'Cy AE' });
  abroadClient = await signIn(api.app, abroad);

  // The worked example of docs/decisions/020-revenue.md: A and B are EMEA accounts, C and D American.
  const [a, b, c, d] = await Promise.all(
    [ae, ae, abroad, abroad].map((owner, index) =>
      buildAccount(db, { ownerId: owner.id, name: `Account ${'ABCD'[index]}` }),
    ),
  );
  if (!a || !b || !c || !d) throw new Error('accounts');
  await contract(a.id, { tcvMinor: 100_000_00 });
  await contract(a.id, { startDate: '2026-01-01', endDate: '2026-12-31', tcvMinor: 130_000_00 });
  await contract(b.id, { startDate: '2024-01-01', tcvMinor: 200_000_00 });
  await contract(b.id, {
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    tcvMinor: 80_000_00,
    currency: 'EUR',
  });
  const c1 = await contract(c.id, { tcvMinor: 50_000_00 });
  const ended = await finance.call('POST', `/api/v1/contracts/${c1}/end`, {
    endedOn: '2025-06-30',
    reason: 'insolvency',
  });
  if (ended.status !== 200) throw new Error(JSON.stringify(ended.body));
  await contract(d.id, { startDate: '2026-01-01', endDate: '2026-12-31', tcvMinor: 70_000_00 });

  // Bookings of FY2027 Q1 (Feb–Apr 2026: Firebolt's fiscal year starts in February).
  await closedDeal(ae, 'new_business', 50_000_00, '2026-02-10T12:00:00Z');
  await closedDeal(ae, 'upsell', 10_000_00, '2026-03-05T12:00:00Z', { currency: 'EUR' });
  await closedDeal(abroad, 'renewal', 88_000_00, '2026-04-30T23:30:00Z');
  await closedDeal(abroad, 'expansion', 40_000_00, '2026-05-01T00:10:00Z');
  await closedDeal(ae, 'new_business', 99_000_00, '2026-03-01T12:00:00Z', { stage: 'closed_lost' });
});
afterAll(() => api.close());

const WORKED = '/api/v1/revenue?period=month&from=2025-01-01&to=2026-12-31';
const Q1 = '/api/v1/revenue?period=quarter&from=2026-02-01&to=2026-04-30';

describe('revenue over HTTP', () => {
  it('refuses while a contract or deal currency has no rate, naming it (422)', async () => {
    const refused = await finance.call('GET', WORKED);
    expect([refused.status, refused.body.code, refused.body.currencies]).toEqual([
      422,
      'rate_missing',
      ['EUR'],
    ]);
    const rated = await finance.call('PUT', '/api/v1/fx-rates', {
      rates: [{ currency: 'EUR', rate: '1.10' }],
    });
    expect(rated.status).toBe(200);
  });

  it('reproduces the worked example: GRR 75.2%, NRR 87.2% from 1 Jan 2025 to 31 Dec 2026', async () => {
    const answer = await finance.call('GET', WORKED);
    expect(answer.status).toBe(200);
    expect(answer.body.periods).toHaveLength(24);
    const range = answer.body.range;
    expect(range).toMatchObject({
      from: '2025-01-01',
      to: '2026-12-31',
      // A 100,000 + B 200,000 × 365/731 = 99,863.20 + C 50,000
      startingMinor: '24986320',
      churnMinor: '5000000',
      contractionMinor: '1186320',
      expansionMinor: '3000000',
      retainedMinor: '18800000',
      endingMinor: '21800000',
      newMinor: '7000000',
      cohortAccounts: 3,
      churnedAccounts: 1,
      contractedAccounts: 1,
      expandedAccounts: 1,
      newAccounts: 1,
    });
    expect(range.grr.toFixed(3)).toBe('0.752');
    expect(range.nrr.toFixed(3)).toBe('0.872');
    expect(answer.body.scope).toEqual({ allWonDeals: true, allAccounts: true });
  });

  it('measures each period on its own: C churns in FY2026 Q2 (May–Jul 2025)', async () => {
    const answer = await finance.call('GET', '/api/v1/revenue?period=quarter&from=2025-05-01&to=2025-10-31');
    const [q2, q3] = answer.body.periods;
    expect([q2.label, q2.start, q2.end]).toEqual(['FY2026 Q2', '2025-05-01', '2025-07-31']);
    expect(q2.retention).toMatchObject({ churnMinor: '5000000', churnedAccounts: 1, cohortAccounts: 3 });
    expect(q2.retention.grr.toFixed(3)).toBe('0.800');
    expect(q3.retention).toMatchObject({ cohortAccounts: 2, churnMinor: '0', grr: 1, nrr: 1 });
  });

  it('books the won deals by category and type in the company currency, by the day they were won', async () => {
    const answer = await finance.call('GET', Q1);
    expect(answer.status).toBe(200);
    const [q1] = answer.body.periods;
    expect(q1.label).toBe('FY2027 Q1');
    expect(q1.bookings.byCategory).toEqual({
      acquisition: '5000000',
      growth: '1100000',
      retention: '8800000',
      uncategorised: '0',
    });
    expect([q1.bookings.totalMinor, q1.bookings.deals]).toEqual(['14900000', 3]);
    expect(q1.bookings.byType).toEqual([
      {
        type: 'new_business',
        name: 'New Business',
        category: 'acquisition',
        amountMinor: '5000000',
        deals: 1,
      },
      { type: 'upsell', name: 'Upsell', category: 'growth', amountMinor: '1100000', deals: 1 },
      { type: 'renewal', name: 'Renewal', category: 'retention', amountMinor: '8800000', deals: 1 },
      { type: 'expansion', name: 'Expansion', category: 'growth', amountMinor: '0', deals: 0 },
    ]);
  });

  it('counts only the deals and accounts the caller may read', async () => {
    // The EMEA RVP reads Ada's deals and accounts A and B only.
    const emea = await rvp.call('GET', WORKED);
    expect(emea.body.scope).toEqual({ allWonDeals: false, allAccounts: false });
    expect(emea.body.range).toMatchObject({
      startingMinor: '19986320',
      retainedMinor: '18800000',
      newAccounts: 0,
    });
    expect(emea.body.range.grr.toFixed(3)).toBe('0.941');
    const emeaQ1 = (await rvp.call('GET', Q1)).body.periods[0].bookings.byCategory;
    expect(emeaQ1).toMatchObject({ acquisition: '5000000', growth: '1100000', retention: '0' });
    // Cy (Americas) reads his own: the renewal, and C and D.
    const cy = (await abroadClient.call('GET', Q1)).body.periods[0].bookings.byCategory;
    expect(cy).toMatchObject({ acquisition: '0', growth: '0', retention: '8800000' });
    const cyRange = (await abroadClient.call('GET', WORKED)).body.range;
    expect(cyRange).toMatchObject({ startingMinor: '5000000', churnedAccounts: 1, grr: 0, nrr: 0 });
  });

  it('has no ratio without a cohort', async () => {
    const answer = await finance.call(
      'GET',
      '/api/v1/revenue?period=fiscal_year&from=2023-02-01&to=2023-03-01',
    );
    expect(answer.body.range).toMatchObject({ startingMinor: '0', grr: null, nrr: null });
  });

  it('refuses bad queries at the field', async () => {
    const bad = await finance.call('GET', '/api/v1/revenue?period=week&from=2026-02-01&to=2026-04-30');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('query.period');
    const backwards = await finance.call('GET', '/api/v1/revenue?from=2026-04-30&to=2026-02-01');
    expect(backwards.body.errors).toEqual([{ path: 'query.to', message: 'must not be before from' }]);
    const tooLong = await finance.call('GET', '/api/v1/revenue?period=month&from=2020-01-01&to=2026-12-31');
    expect([tooLong.status, tooLong.body.errors[0].path]).toEqual([400, 'query.to']);
  });
});
