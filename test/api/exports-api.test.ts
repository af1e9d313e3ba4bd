import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PAGE } from '../../src/app/exports/export-inputs.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildAccount, buildOpportunity, buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let ae: ApiClient;
let otherAe: ApiClient;
let admin: ApiClient;

const rowsOf = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });

beforeAll(async () => {
  api = await openTestApi();
  const db = api.database.db;
  const context = api.app.context;
  const aeUser = await buildUser(db, { role: 'ae', region: 'emea' });
  const otherUser = await buildUser(db, { role: 'ae', region: 'americas' });
  ae = await signIn(api.app, aeUser);
  otherAe = await signIn(api.app, otherUser);
  admin = await signIn(api.app, await buildUser(db, { role: 'revops_admin', region: null }));
  const evil = await buildAccount(db, {
    name: '=HYPERLINK("http://evil.example","open")',
    ownerId: aeUser.id,
  });
  await buildOpportunity(context, {
    accountId: evil.id,
    ownerId: aeUser.id,
    name: '+SUM(1,2) expansion',
    amountMinor: 150_000_50,
    currency: 'EUR',
    nextStep: '@mention legal',
  });
  const plain = await buildAccount(db, { name: 'Plain Account', ownerId: otherUser.id });
  // More deals than one page of the export: the stream reads page after page.
  for (let i = 0; i < EXPORT_PAGE + 5; i += 1) {
    await buildOpportunity(context, { accountId: plain.id, ownerId: otherUser.id, name: `Deal ${i}` });
  }
}, 120_000);
afterAll(() => api.close());

describe('CSV exports', () => {
  it('exports the deals the caller may read, with formula-like cells made text', async () => {
    const answer = await ae.inject({ method: 'GET', url: '/api/v1/exports/opportunities.csv' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    expect(answer.headers['content-disposition']).toBe('attachment; filename="opportunities.csv"');
    const rows = rowsOf(answer.body);
    // The other AE's deals are not the AE's to read (another region, another team).
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Name: "'+SUM(1,2) expansion",
      AccountName: `'=HYPERLINK("http://evil.example","open")`,
      NextStep: "'@mention legal",
      Amount: '150000.50',
      CurrencyIsoCode: 'EUR',
      OwnerEmail: ae.user.email,
      Stage: expect.any(String),
    });
  });

  it('streams every deal an admin may read, past one page, in close-date order', async () => {
    const answer = await admin.inject({ method: 'GET', url: '/api/v1/exports/opportunities.csv' });
    const rows = rowsOf(answer.body);
    expect(rows).toHaveLength(EXPORT_PAGE + 6);
    expect(new Set(rows.map((row) => row.Id)).size).toBe(rows.length);
    const filtered = await admin.inject({
      method: 'GET',
      url: `/api/v1/exports/opportunities.csv?ownerId=${ae.user.id}`,
    });
    expect(rowsOf(filtered.body).map((row) => row.OwnerEmail)).toEqual([ae.user.email]);
  });

  it('exports accounts by the same rule', async () => {
    const mine = rowsOf((await ae.inject({ method: 'GET', url: '/api/v1/exports/accounts.csv' })).body);
    expect(mine.map((row) => row.Name)).toEqual([`'=HYPERLINK("http://evil.example","open")`]);
    const theirs = rowsOf(
      (await otherAe.inject({ method: 'GET', url: '/api/v1/exports/accounts.csv' })).body,
    );
    expect(theirs).toMatchObject([
      { Name: 'Plain Account', BillingCountryCode: 'US', OwnerEmail: otherAe.user.email },
    ]);
  });

  it('refuses a bad filter at its field', async () => {
    const bad = await ae.call('GET', '/api/v1/exports/opportunities.csv?closeDateFrom=yesterday&page=2');
    expect(bad.status).toBe(400);
    // An export has no pages: `page` is no filter of it.
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'query.closeDateFrom',
      'query.page',
    ]);
  });

  it("exports the stage history of the caller's deals, one row per change, guarded", async () => {
    const mine = rowsOf((await ae.inject({ method: 'GET', url: '/api/v1/exports/history.csv' })).body);
    expect(mine).toEqual([
      expect.objectContaining({
        OpportunityName: "'+SUM(1,2) expansion",
        FromStage: '',
        ToStage: 'created',
        Kind: 'create',
        Overridden: 'false',
      }),
    ]);
    const all = rowsOf((await admin.inject({ method: 'GET', url: '/api/v1/exports/history.csv' })).body);
    expect(all).toHaveLength(EXPORT_PAGE + 6);
    expect(all.map((row) => Number(row.Id))).toEqual(all.map((row) => Number(row.Id)).sort((a, b) => a - b));
    const one = await admin.inject({
      method: 'GET',
      url: `/api/v1/exports/history.csv?opportunityId=${mine[0]?.OpportunityId}`,
    });
    expect(rowsOf(one.body).map((row) => row.OpportunityId)).toEqual([mine[0]?.OpportunityId]);
  });

  it('exports the forecast roll-up in the company currency, once every currency has a rate', async () => {
    const url = '/api/v1/exports/forecast.csv?period=quarter&from=2027-02-01&to=2027-04-30';
    const missing = await ae.call('GET', url);
    expect(missing.status).toBe(422);
    expect(missing.body.currencies).toEqual(['EUR']);
    const rated = await admin.call('PUT', '/api/v1/fx-rates', { rates: [{ currency: 'EUR', rate: '1.1' }] });
    expect(rated.status).toBe(200);
    const answer = await ae.inject({ method: 'GET', url });
    expect(answer.headers['content-disposition']).toBe('attachment; filename="forecast.csv"');
    const rows = rowsOf(answer.body);
    const owner = rows.find((row) => row.Level === 'owner' && row.OwnerId === ae.user.id);
    // EUR 150,000.50 at 1.1 is USD 165,000.55, open (Pipeline), in FY2028 Q1 (the fiscal year starts in February).
    expect(owner).toMatchObject({
      Period: 'FY2028 Q1',
      Currency: 'USD',
      Pipeline: '165000.55',
      Closed: '0.00',
    });
    expect(rows.find((row) => row.Level === 'company')).toMatchObject({
      Pipeline: '165000.55',
      CallCommit: '',
    });
  });
});
