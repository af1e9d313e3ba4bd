import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/db/repositories/users-repo.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildAccount, buildOpportunity, buildUser, testContext } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

const WEEK = 7 * 86_400_000;
let api: TestApi;
let ae: ApiClient;
let admin: ApiClient;
let aeUser: User;
let adminUser: User;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await openTestApi();
  const db = api.database.db;
  aeUser = await buildUser(db, { role: 'ae', region: 'emea' });
  const abroad = await buildUser(db, { role: 'ae', region: 'americas' });
  ae = await signIn(api.app, aeUser);
  adminUser = await buildUser(db, { role: 'revops_admin', region: null });
  admin = await signIn(api.app, adminUser);
  const context = testContext(db).context;
  const account = await buildAccount(db, { ownerId: aeUser.id });
  const abroadAccount = await buildAccount(db, { ownerId: abroad.id });
  const deal = (name: string, ownerId: string, accountId: string, closeDate: string, amountMinor: number) =>
    buildOpportunity(context, { name, ownerId, accountId, closeDate, amountMinor });
  ids.pushed = (await deal('Pushed out', aeUser.id, account.id, '2026-12-10', 1000_00)).id;
  ids.grown = (await deal('Grown', aeUser.id, account.id, '2026-12-20', 500_00)).id;
  ids.lost = (await deal('Lost', aeUser.id, account.id, '2026-11-30', 300_00)).id;
  ids.abroad = (await deal('Abroad', abroad.id, abroadAccount.id, '2026-12-05', 700_00)).id;
});
afterAll(() => api.close());

const patch = async (client: ApiClient, id: string, body: object) => {
  const current = await client.call('GET', `/api/v1/opportunities/${id}`);
  const answer = await client.call('PATCH', `/api/v1/opportunities/${id}`, body, {
    'if-match': current.headers.etag as string,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
};
const pushCount = async (id: string) =>
  (
    await api.database.db
      .selectFrom('opportunities')
      .select('push_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).push_count;

describe('what changed over HTTP', () => {
  it('lets RevOps alone take a snapshot on demand, of every open deal', async () => {
    expect((await ae.call('POST', '/api/v1/forecast/snapshots')).status).toBe(403);
    const taken = await admin.call('POST', '/api/v1/forecast/snapshots');
    expect(taken.status).toBe(201);
    expect(taken.body).toEqual({ takenAt: '2026-11-02T09:00:00.000Z', deals: 4 });
    const audit = await api.database.db
      .selectFrom('events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'deal_snapshot.taken')
      .execute();
    expect(audit).toEqual([{ action: 'deal_snapshot.taken', entity_id: '2026-11-02T09:00:00.000Z' }]);
  });

  it('counts a push when the close date moves into a later month, not within one', async () => {
    api.advance(WEEK); // sessions end: sign in again
    ae = await signIn(api.app, aeUser);
    admin = await signIn(api.app, adminUser);
    await patch(ae, ids.grown as string, { closeDate: '2026-12-28' });
    expect(await pushCount(ids.grown as string)).toBe(0);
    await patch(ae, ids.pushed as string, { closeDate: '2027-01-15' });
    expect(await pushCount(ids.pushed as string)).toBe(1);
  });

  it('shows each deal of the period with its kind and words, the totals, and only deals the caller may read', async () => {
    await patch(ae, ids.grown as string, { amountMinor: 800_00 });
    const lost = await ae.call('POST', `/api/v1/opportunities/${ids.lost}/stage`, {
      to: 'closed_lost',
      lossReason: 'competitor',
      winningCompetitor: 'Rival',
    });
    expect(lost.status, JSON.stringify(lost.body)).toBe(200);
    const context = testContext(api.database.db).context;
    const [account] = await api.database.db
      .selectFrom('accounts')
      .select('id')
      .where('owner_id', '=', aeUser.id)
      .execute();
    ids.fresh = (
      await buildOpportunity(context, {
        name: 'Fresh',
        ownerId: aeUser.id,
        accountId: account?.id as string,
        closeDate: '2026-12-15',
        amountMinor: 200_00,
      })
    ).id;
    expect((await admin.call('POST', '/api/v1/forecast/snapshots')).body.deals).toBe(4);

    const url = '/api/v1/forecast/changes?from=2026-11-02&to=2026-11-09&period=2026-Q4';
    const seen = await ae.call('GET', url);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body.period).toEqual({ label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(
      seen.body.changes.map((change: { name: string; kind: string }) => [change.name, change.kind]),
    ).toEqual([
      ['Fresh', 'new'],
      ['Grown', 'pushed'],
      ['Pushed out', 'slipped_out'],
      ['Lost', 'lost'],
    ]);
    const grown = seen.body.changes.find((change: { name: string }) => change.name === 'Grown');
    expect(grown).toMatchObject({
      deltaMinor: 300_00,
      words: 'Pushed: close date 2026-12-20 → 2026-12-28; amount 500.00 USD → 800.00 USD.',
    });
    expect(seen.body.totals).toEqual([
      {
        kind: 'new',
        currency: 'USD',
        count: 1,
        amountMinor: '20000',
        deltaMinor: '20000',
        convertedDelta: null,
      },
      {
        kind: 'pushed',
        currency: 'USD',
        count: 1,
        amountMinor: '80000',
        deltaMinor: '30000',
        convertedDelta: null,
      },
      {
        kind: 'slipped_out',
        currency: 'USD',
        count: 1,
        amountMinor: '100000',
        deltaMinor: '-100000',
        convertedDelta: null,
      },
      {
        kind: 'lost',
        currency: 'USD',
        count: 1,
        amountMinor: '30000',
        deltaMinor: '-30000',
        convertedDelta: null,
      },
    ]);
    const everything = await admin.call('GET', url);
    expect(everything.body.changes.find((change: { name: string }) => change.name === 'Abroad')?.kind).toBe(
      'unchanged',
    );
  });

  it('refuses bad input at its field', async () => {
    const backwards = await ae.call('GET', '/api/v1/forecast/changes?from=2026-11-09&to=2026-11-02');
    expect([backwards.status, backwards.body.errors]).toEqual([
      400,
      [{ path: 'query.to', message: 'must be on or after `from`' }],
    ]);
    const period = await ae.call('GET', '/api/v1/forecast/changes?from=2026-11-02&to=2026-11-09&period=Q4');
    expect(period.body.errors).toEqual([
      { path: 'query.period', message: 'a month (2026-11), a quarter (2026-Q4) or a year (2026)' },
    ]);
    const early = await ae.call('GET', '/api/v1/forecast/changes?from=2026-10-01&to=2026-11-09');
    expect([early.status, early.body.errors]).toEqual([
      400,
      [{ path: 'query.from', message: 'no snapshot was taken on or before 2026-10-01' }],
    ]);
    expect(
      (await ae.call('GET', '/api/v1/forecast/changes?from=2026-11-02&to=2026-11-09&pipeline=nope')).status,
    ).toBe(404);
  });
});

describe('the funnel over HTTP', () => {
  it('counts entries, conversion and the calibrated win rate beside the playbook probability', async () => {
    const funnel = await admin.call('GET', '/api/v1/funnel?pipeline=new_business');
    expect(funnel.status, JSON.stringify(funnel.body)).toBe(200);
    expect(funnel.body.deals).toBe(5);
    expect(funnel.body.stages[0]).toMatchObject({
      stage: 'created',
      entered: 5,
      advanced: 0,
      conversion: 0,
      closed: 1,
      won: 0,
      calibratedWinRate: 0,
      playbookProbability: 0,
    });
    const mine = await ae.call('GET', '/api/v1/funnel?pipeline=new_business');
    expect(mine.body.deals).toBe(4);
    expect((await ae.call('GET', '/api/v1/funnel?pipeline=nope')).status).toBe(404);
    expect((await ae.call('GET', '/api/v1/funnel')).body.errors[0].path).toBe('query.pipeline');
  });
});

describe('push counts in health', () => {
  it("makes two pushes into later months a timeline-pressure risk long after the history's window", async () => {
    await patch(ae, ids.pushed as string, { closeDate: '2027-02-20' });
    expect(await pushCount(ids.pushed as string)).toBe(2);
    api.advance(120 * 86_400_000); // beyond the playbook's 90-day window of recent pushes
    ae = await signIn(api.app, aeUser);
    const inspected = await ae.call('GET', `/api/v1/opportunities/${ids.pushed}/inspection`);
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
    const timeline = inspected.body.health.reasons.find(
      (reason: { indicator: string }) => reason.indicator === 'timeline_pressure',
    );
    expect(timeline?.evidence).toContain('Close date pushed into a later month 2 times.');
  });
});
