import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildOwned, type Owned } from '../support/authorization-org.js';
import { buildOpportunity, buildUser, testContext } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let ae: ApiClient;
let finance: ApiClient;
let owned: Owned;
let admin: ApiClient;

beforeAll(async () => {
  api = await openTestApi();
  const db = api.database.db;
  const aeUser = await buildUser(db, { role: 'ae', region: 'emea' });
  ae = await signIn(api.app, aeUser);
  finance = await signIn(api.app, await buildUser(db, { role: 'vp_finance', region: null }));
  owned = await buildOwned(api.app, aeUser, 'contracts');
  admin = await signIn(api.app, await buildUser(db, { role: 'revops_admin', region: null }));
});
afterAll(() => api.close());

const url = () => `/api/v1/accounts/${owned.account.id}/contracts`;
const TERMS = { startDate: '2025-01-01', endDate: '2027-12-31', tcvMinor: 360_000_00, currency: 'USD' };

describe('contracts over HTTP', () => {
  it('names each invalid field in the problem', async () => {
    const bad = await finance.call('POST', url(), { ...TERMS, endDate: '2024-06-30', tcvMinor: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.endDate', message: 'must be on or after startDate' },
        expect.objectContaining({ path: 'body.tcvMinor' }),
      ]),
    );
    // Finance does not see Pipeline deals, so an open deal is no deal to them (nothing leaks).
    const openDeal = await finance.call('POST', url(), { ...TERMS, opportunityId: owned.deal.id });
    expect([openDeal.status, openDeal.body.errors]).toEqual([
      400,
      [{ path: 'body.opportunityId', message: 'no such deal on this account' }],
    ]);
  });

  it('records a contract (Finance), which makes the account a Commit Customer', async () => {
    const before = await ae.call('GET', `/api/v1/accounts/${owned.account.id}`);
    expect(before.body.customer).toEqual({
      customerClass: 'new_prospect',
      rule: 'otherwise',
      name: 'New Prospect',
      focus: 'ICP alignment, pain identification, use case validation',
      activeContract: null,
    });
    expect((await ae.call('POST', url(), TERMS)).status).toBe(403);

    const recorded = await finance.call('POST', url(), TERMS, { 'if-match': before.headers.etag as string });
    expect(recorded.status).toBe(201);
    expect(recorded.headers.etag).toBe('"v2"');
    expect(recorded.body).toMatchObject({ accountVersion: 2, contract: { ...TERMS, kind: 'commit' } });

    const after = await ae.call('GET', `/api/v1/accounts/${owned.account.id}`);
    expect(after.headers.etag).toBe('"v2"');
    expect(after.body.customer).toMatchObject({
      customerClass: 'commit_customer',
      rule: 'contract_in_force',
      activeContract: { id: recorded.body.contract.id, ...TERMS },
    });
    const listed = await ae.call('GET', url());
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: recorded.body.contract.id,
        inForce: true,
        createdAt: expect.any(String),
      }),
    ]);
    const stale = await finance.call('POST', url(), TERMS, { 'if-match': '"v1"' });
    expect(stale.status).toBe(412);
  });

  it('lets a renewal past Negotiate only when its type matches the TCV uplift over the contract', async () => {
    const { context } = testContext(api.database.db);
    // 486,000 over the 360,000 contract: a 35% uplift, an Expansion by the playbook's 20% threshold.
    const deal = await buildOpportunity(context, {
      ownerId: ae.user.id,
      accountId: owned.account.id,
      type: 'renewal',
      amountMinor: 486_000_00,
      source: 'customer_success',
    });
    const stage = (to: string, extra = {}) =>
      admin.call('POST', `/api/v1/opportunities/${deal.id}/stage`, { to, ...extra });
    const forced = await stage('negotiate', { override: { justification: 'Test set-up' } });
    expect(forced.status).toBe(200);
    const blocked = await stage('signature');
    expect(blocked.status).toBe(422);
    const uplift = blocked.body.missing.find(
      (item: { key: string }) => item.key === 'rn_type_matches_uplift',
    );
    expect(uplift).toMatchObject({ kind: 'criterion', source: 'derived' });
    expect(uplift.message).toMatch(/35% uplift/);
    expect(uplift.message).toMatch(/Expansion/);

    const retyped = await admin.call('PATCH', `/api/v1/opportunities/${deal.id}`, { type: 'expansion' });
    expect(retyped.status).toBe(200);
    const view = await admin.call('GET', `/api/v1/opportunities/${deal.id}`);
    const check = view.body.nextStage.checks.find(
      (item: { key: string }) => item.key === 'rn_type_matches_uplift',
    );
    expect(check).toMatchObject({ met: true });
    expect(check.message).toMatch(/^Expansion: 35% TCV uplift/);
  });
});
