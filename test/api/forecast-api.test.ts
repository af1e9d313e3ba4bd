import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/db/repositories/users-repo.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildAccount, buildOpportunity, buildUser, testContext } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let rvp: ApiClient;
let aeClient: ApiClient;
let otherRvp: ApiClient;
let admin: ApiClient;
let viewer: ApiClient;
let ae: User;
let colleague: User;
let abroad: User;

/** A deal of `owner` closing on `closeDate`, set to a category and probability (as its stage would make it). */
async function deal(
  owner: User,
  closeDate: string,
  category: string,
  probability: number,
  amountMinor: number,
  currency = 'USD',
) {
  const { context } = testContext(api.database.db);
  const account = await buildAccount(api.database.db, { ownerId: owner.id });
  const created = await buildOpportunity(context, {
    ownerId: owner.id,
    accountId: account.id,
    closeDate,
    amountMinor,
    currency,
  });
  await api.database.db
    .updateTable('opportunities')
    .set({ forecast_category: category, probability })
    .where('id', '=', created.id)
    .execute();
}

beforeAll(async () => {
  api = await openTestApi();
  const db = api.database.db;
  const rvpUser = await buildUser(db, { role: 'rvp', region: 'emea', name: 'Rita RVP' });
  rvp = await signIn(api.app, rvpUser);
  otherRvp = await signIn(
    api.app,
    await buildUser(db, { role: 'rvp', region: 'americas', name: 'Otto RVP' }),
  );
  ae = await buildUser(db, { role: 'ae', region: 'emea', managerId: rvpUser.id, name: 'Ada AE' });
  colleague = await buildUser(db, { role: 'ae', region: 'emea', managerId: rvpUser.id, name: 'Ben AE' });
  abroad = await buildUser(db, { role: 'ae', region: 'americas', name: 'Cy AE' });
  aeClient = await signIn(api.app, ae);
  admin = await signIn(api.app, await buildUser(db, { role: 'revops_admin', region: null }));
  viewer = await signIn(api.app, await buildUser(db, { role: 'viewer', region: null }));
  // Firebolt's fiscal year starts in February: FY2027 Q1 = Feb–Apr 2026.
  await deal(ae, '2026-02-10', 'closed', 100, 40_000);
  await deal(ae, '2026-03-31', 'commit', 90, 10_000, 'EUR');
  await deal(ae, '2026-04-30', 'best_case', 50, 20_000);
  await deal(ae, '2026-04-01', 'omitted', 0, 99_000);
  await deal(colleague, '2026-03-01', 'pipeline', 20, 30_000);
  await deal(abroad, '2026-05-01', 'closed', 100, 8_000, 'GBP');
});
afterAll(() => api.close());

const Q1 = '/api/v1/forecast?period=quarter&from=2026-02-01&to=2026-07-31';

describe('the forecast over HTTP', () => {
  it('refuses while a currency has no rate, naming it (422)', async () => {
    const refused = await admin.call('GET', Q1);
    expect(refused.status).toBe(422);
    expect(refused.body.currencies).toEqual(['EUR', 'GBP']);
  });

  it('keeps the rates (RevOps, VP Finance only), audited', async () => {
    expect(
      (await rvp.call('PUT', '/api/v1/fx-rates', { rates: [{ currency: 'EUR', rate: '1.1' }] })).status,
    ).toBe(403);
    const bad = await admin.call('PUT', '/api/v1/fx-rates', { rates: [{ currency: 'USD', rate: '0' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.rates[0].rate']);
    const set = await admin.call('PUT', '/api/v1/fx-rates', {
      rates: [
        { currency: 'EUR', rate: '1.1' },
        { currency: 'GBP', rate: '1.25' },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body.rates.map((r: { currency: string; rate: string }) => [r.currency, r.rate])).toEqual([
      ['EUR', '1.1'],
      ['GBP', '1.25'],
    ]);
    const audit = await api.database.db
      .selectFrom('events')
      .select('action')
      .where('action', '=', 'fx_rates.set')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('sets quotas on period starts only', async () => {
    const wrong = await admin.call('PUT', '/api/v1/quotas', {
      quotas: [{ ownerId: ae.id, periodKind: 'quarter', periodStart: '2026-01-01', amountMinor: 1 }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('body.quotas[0].periodStart');
    expect(
      (
        await aeClient.call('PUT', '/api/v1/quotas', {
          quotas: [{ ownerId: ae.id, periodKind: 'quarter', periodStart: '2026-02-01', amountMinor: 1 }],
        })
      ).status,
    ).toBe(403);
    const set = await admin.call('PUT', '/api/v1/quotas', {
      quotas: [
        { ownerId: ae.id, periodKind: 'quarter', periodStart: '2026-02-01', amountMinor: 100_000 },
        { ownerId: colleague.id, periodKind: 'quarter', periodStart: '2026-02-01', amountMinor: 50_000 },
      ],
    });
    expect(set.status).toBe(200);
    const listed = await admin.call('GET', '/api/v1/quotas?period=quarter&from=2026-02-01&to=2026-04-30');
    const byOwner = Object.fromEntries(
      listed.body.items.map((q: { ownerId: string; amountMinor: number }) => [q.ownerId, q.amountMinor]),
    );
    expect(byOwner).toEqual({ [ae.id]: 100_000, [colleague.id]: 50_000 });
    expect(listed.body.items).toHaveLength(2);
  });

  it('rolls up owner → region → company, in the company currency (the hand-computed fixture)', async () => {
    const answer = await admin.call('GET', Q1);
    expect(answer.status).toBe(200);
    expect(answer.body.periods.map((p: { label: string }) => p.label)).toEqual(['FY2027 Q1', 'FY2027 Q2']);
    const ada = answer.body.owners.find((o: { id: string }) => o.id === ae.id).periods[0];
    expect(ada.figures).toEqual({
      individual: { closed: '40000', commit: '11000', best_case: '20000', pipeline: '0' },
      cumulative: { closed: '40000', commit: '51000', best_case: '71000', pipeline: '71000' },
      weightedMinor: '19900',
      quotaMinor: '100000',
      attainment: 0.4,
      coverage: 0.5167,
    });
    const emea = answer.body.regions.find((r: { region: string }) => r.region === 'emea');
    expect(emea.rvps.map((r: { name: string }) => r.name)).toEqual(['Rita RVP']);
    expect(emea.periods[0].figures).toMatchObject({
      cumulative: { pipeline: '101000' },
      quotaMinor: '150000',
      coverage: 0.5545,
    });
    expect(answer.body.company.periods[1].figures.individual.closed).toBe('10000');
  });

  it("narrows by the caller's rights: an RVP sees their region only", async () => {
    const answer = await otherRvp.call('GET', Q1);
    expect(answer.status).toBe(200);
    expect(answer.body.owners.map((o: { id: string }) => o.id)).toEqual([abroad.id]);
    expect(answer.body.company.periods[0].figures.individual.closed).toBe('0');
  });

  it('names the bad field of a query', async () => {
    const bad = await admin.call('GET', '/api/v1/forecast?period=week&from=2026-02-01&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('query.period');
    const backwards = await admin.call('GET', '/api/v1/forecast?period=month&from=2026-02-01&to=2026-01-01');
    expect(backwards.body.errors).toEqual([{ path: 'query.to', message: 'must not be before from' }]);
  });
});

describe('submissions and adjustments', () => {
  const call = {
    periodKind: 'quarter',
    periodStart: '2026-02-01',
    commitMinor: 50_000,
    bestCaseMinor: 70_000,
  };

  it('an AE submits their own call; others may not', async () => {
    expect((await viewer.call('POST', '/api/v1/forecast/submissions', call)).status).toBe(403);
    const bad = await aeClient.call('POST', '/api/v1/forecast/submissions', { ...call, bestCaseMinor: 1 });
    expect(bad.body.errors).toEqual([
      { path: 'body.bestCaseMinor', message: 'best case includes commit: it may not be below it' },
    ]);
    const submitted = await aeClient.call('POST', '/api/v1/forecast/submissions', {
      ...call,
      note: 'Acme slips?',
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ ownerId: ae.id, kind: 'submission', note: 'Acme slips?' });
  });

  it("the owner's RVP adjusts with a note; another region's RVP does not see the owner (404)", async () => {
    const adjustment = { ...call, ownerId: ae.id, commitMinor: 45_000, note: 'Acme pushed to Q2' };
    expect((await otherRvp.call('POST', '/api/v1/forecast/adjustments', adjustment)).status).toBe(404);
    expect((await aeClient.call('POST', '/api/v1/forecast/adjustments', adjustment)).status).toBe(403);
    const noNote = await rvp.call('POST', '/api/v1/forecast/adjustments', { ...adjustment, note: ' ' });
    expect(noNote.body.errors[0].path).toBe('body.note');
    const adjusted = await rvp.call('POST', '/api/v1/forecast/adjustments', adjustment);
    expect(adjusted.status).toBe(201);
    const history = await rvp.call('GET', '/api/v1/forecast/calls?period=quarter&periodStart=2026-02-01');
    expect(history.body.items.map((c: { kind: string }) => c.kind)).toEqual(['submission', 'adjustment']);
    expect(adjusted.body.adjustsId).toBe(history.body.items[0].id);
    const forecast = await rvp.call('GET', Q1);
    const ada = forecast.body.owners.find((o: { id: string }) => o.id === ae.id).periods[0];
    expect([ada.latestSubmission.commitMinor, ada.latestAdjustment.commitMinor]).toEqual([50_000, 45_000]);
    // The region and the company carry the adjusted call: it came after the submission.
    const region = forecast.body.regions.find((r: { ownerIds: string[] }) => r.ownerIds.includes(ae.id));
    expect(region.periods[0].calls).toMatchObject({
      commitMinor: '45000',
      bestCaseMinor: '70000',
      called: 1,
    });
    expect(forecast.body.company.periods[0].calls).toMatchObject({ commitMinor: '45000', called: 1 });
    expect(
      (await otherRvp.call('GET', '/api/v1/forecast/calls?period=quarter&periodStart=2026-02-01')).body.items,
    ).toEqual([]);
  });

  it('keeps every call: the table refuses UPDATE and DELETE', async () => {
    await expect(sql`update forecast_calls set commit_minor = 0`.execute(api.database.db)).rejects.toThrow(
      'forecast calls are append-only (UPDATE refused)',
    );
    await expect(sql`delete from forecast_calls`.execute(api.database.db)).rejects.toThrow(
      'forecast calls are append-only (DELETE refused)',
    );
    const audit = await api.database.db
      .selectFrom('events')
      .select('action')
      .where('entity_type', '=', 'forecast_call')
      .orderBy('id')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['forecast_call.submitted', 'forecast_call.adjusted']);
  });
});
