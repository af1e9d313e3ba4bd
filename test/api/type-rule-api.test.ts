import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/db/repositories/users-repo.js';
import { type ApiClient, signIn, signInNewUser } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

/** The type-vs-customer rule (New Business for prospects and PLG; the rest for commit customers) over HTTP. */
let api: TestApi;
let admin: ApiClient;
let ae: ApiClient;
let rvp: ApiClient;
let aeUser: User;
const DAY = 86_400_000;

beforeAll(async () => {
  api = await openTestApi();
  admin = await signInNewUser(api.app, { name: 'Grace Kim' });
  const rvpUser = await buildUser(api.database.db, { role: 'rvp', region: 'emea', name: 'Rafael RVP' });
  aeUser = await buildUser(api.database.db, { role: 'ae', region: 'emea', managerId: rvpUser.id });
  ae = await signIn(api.app, aeUser);
  rvp = await signIn(api.app, rvpUser);
});
afterAll(() => api.close());

async function account(contract?: { startDate: string; endDate: string }) {
  const created = await admin.call('POST', '/api/v1/accounts', {
    name: `Account ${Math.random().toString(36).slice(2, 8)}`,
    segment: 'mid_market',
    country: 'DE',
    ownerId: aeUser.id,
  });
  expect(created.status).toBe(201);
  if (contract) {
    const recorded = await admin.call('POST', `/api/v1/accounts/${created.body.id}/contracts`, {
      ...contract,
      tcvMinor: 100_000_00,
      currency: 'EUR',
    });
    expect(recorded.status).toBe(201);
  }
  return created.body.id as string;
}

const deal = (accountId: string, type: string, extra: object = {}) => ({
  accountId,
  name: `${type} deal`,
  type,
  amountMinor: 105_000_00,
  currency: 'EUR',
  closeDate: '2027-03-31',
  ownerId: aeUser.id,
  source: type === 'new_business' ? 'ae' : 'customer_success',
  ...extra,
});

async function dealsOf(accountId: string) {
  return (await admin.call('GET', `/api/v1/opportunities?accountId=${accountId}`)).body.items as unknown[];
}

describe('creating a deal', () => {
  it('refuses an Upsell on a new prospect with 422, naming the class and the types it allows, and creates nothing', async () => {
    const prospect = await account();
    const refused = await ae.call('POST', '/api/v1/opportunities', deal(prospect, 'upsell'));
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'type_not_for_customer',
      customerClass: { key: 'new_prospect', name: 'New Prospect' },
      allowedTypes: [{ key: 'new_business', name: 'New Business' }],
      errors: [{ path: 'body.type', message: expect.stringContaining('Upsell is for a Commit Customer') }],
    });
    expect(await dealsOf(prospect)).toEqual([]);
  });

  it('refuses New Business on a commit customer, offering Upsell, Renewal and Expansion', async () => {
    const customer = await account({ startDate: '2026-01-01', endDate: '2027-12-31' });
    const refused = await ae.call('POST', '/api/v1/opportunities', deal(customer, 'new_business'));
    expect(refused.status).toBe(422);
    expect(refused.body.allowedTypes.map((type: { key: string }) => type.key)).toEqual([
      'upsell',
      'renewal',
      'expansion',
    ]);
    expect((await ae.call('POST', '/api/v1/opportunities', deal(customer, 'upsell'))).status).toBe(201);
  });

  it('lets an RVP override it with a justification, audited and shown as a health risk; an AE may not', async () => {
    const prospect = await account();
    const override = { justification: 'Contract signed yesterday; Finance books it on Monday' };
    const byAe = await ae.call('POST', '/api/v1/opportunities', deal(prospect, 'upsell', { override }));
    expect(byAe.status).toBe(403);
    expect(byAe.body.code).toBe('override_not_allowed');
    const blank = await rvp.call(
      'POST',
      '/api/v1/opportunities',
      deal(prospect, 'upsell', { override: { justification: '  ' } }),
    );
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([
      { path: 'body.override.justification', message: 'An override needs a written justification.' },
    ]);
    expect(await dealsOf(prospect)).toEqual([]);

    const forced = await rvp.call('POST', '/api/v1/opportunities', deal(prospect, 'upsell', { override }));
    expect(forced.status).toBe(201);
    const history = await admin.call('GET', `/api/v1/opportunities/${forced.body.id}/history`);
    expect(history.body.items[0]).toMatchObject({
      action: 'opportunity.created',
      gate: {
        kind: 'create',
        override: { by: rvp.user.id, justification: override.justification },
        checks: [{ kind: 'customer_fit', key: 'type_fits_customer', met: false }],
      },
    });
    const inspection = await admin.call('GET', `/api/v1/opportunities/${forced.body.id}/inspection`);
    expect(inspection.body.health.reasons).toContainEqual(
      expect.objectContaining({
        indicator: 'gate_override',
        evidence: [`Type-vs-customer rule overridden by ${rvp.user.id}: ${override.justification}`],
      }),
    );
  });
});

describe('changing the type', () => {
  it('refuses a type the customer does not allow and changes nothing; an override forces it', async () => {
    const lapsed = await account({ startDate: '2025-01-01', endDate: '2026-08-31' });
    // The contract ended 63 days ago, past the 60-day grace: a Renewal no longer fits, so an RVP forced it.
    const forced = { justification: 'Late renewal, customer confirmed in writing' };
    const created = await rvp.call(
      'POST',
      '/api/v1/opportunities',
      deal(lapsed, 'renewal', { override: forced }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const retyped = await ae.call('PATCH', `/api/v1/opportunities/${id}`, {
      type: 'expansion',
      name: 'Renamed',
    });
    expect(retyped.status).toBe(422);
    expect(retyped.body).toMatchObject({
      code: 'type_not_for_customer',
      customerClass: { key: 'new_prospect' },
      allowedTypes: [{ key: 'new_business', name: 'New Business' }],
    });
    const unchanged = await admin.call('GET', `/api/v1/opportunities/${id}`);
    expect(unchanged.body.opportunity).toMatchObject({ type: 'renewal', name: 'renewal deal', version: 1 });

    const byRvp = await rvp.call('PATCH', `/api/v1/opportunities/${id}`, {
      type: 'expansion',
      override: forced,
    });
    expect(byRvp.status).toBe(200);
    expect(byRvp.body.type).toBe('expansion');
    const history = await admin.call('GET', `/api/v1/opportunities/${id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'opportunity.updated',
      before: { type: 'renewal' },
      after: { type: 'expansion' },
      gate: { kind: 'type_change', override: { by: rvp.user.id } },
    });
  });

  it('keeps a Renewal fitting within the grace period after its contract ended', async () => {
    const ended = await account({ startDate: '2025-10-01', endDate: '2026-09-30' });
    const created = await ae.call('POST', '/api/v1/opportunities', deal(ended, 'renewal'));
    expect(created.status).toBe(201);
    const inspection = await admin.call('GET', `/api/v1/opportunities/${created.body.id}/inspection`);
    expect(inspection.body.customer).toMatchObject({
      fits: true,
      customerClass: 'new_prospect',
      graceUntil: '2026-11-29',
    });
  });
});

describe('forward moves', () => {
  it('list the rule in `missing` once the renewed contract has lapsed past its grace, and an RVP may force them', async () => {
    // In force today (2026-11-02), ending in 10 days: the grace then runs until 2027-01-11.
    const customer = await account({ startDate: '2025-11-13', endDate: '2026-11-12' });
    const created = await ae.call('POST', '/api/v1/opportunities', deal(customer, 'renewal'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const fits = await admin.call('GET', `/api/v1/opportunities/${id}`);
    expect(fits.body.nextStage.checks).toContainEqual(
      expect.objectContaining({ kind: 'customer_fit', met: true }),
    );

    api.advance(80 * DAY); // 2027-01-21: the contract ended 70 days ago
    const again = await signIn(api.app, aeUser);
    const blocked = await again.call('POST', `/api/v1/opportunities/${id}/stage`, { to: 'qualification' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.missing).toContainEqual(
      expect.objectContaining({
        kind: 'customer_fit',
        key: 'type_fits_customer',
        stage: 'qualification',
        message: expect.stringContaining('Renewal is for a Commit Customer; this account is a New Prospect'),
      }),
    );
    const read = await again.call('GET', `/api/v1/opportunities/${id}`);
    expect(read.body.opportunity.stage).toBe('open');
    expect(read.body.nextStage.missing).toContainEqual(expect.objectContaining({ kind: 'customer_fit' }));

    const rvpAgain = await signIn(api.app, rvp.user);
    const forced = await rvpAgain.call('POST', `/api/v1/opportunities/${id}/stage`, {
      to: 'qualification',
      override: { justification: 'Renewal signed; the new contract is being booked' },
    });
    expect(forced.status).toBe(200);
    expect(forced.body.gate.checks).toContainEqual(
      expect.objectContaining({ kind: 'customer_fit', met: false }),
    );
  });
});
