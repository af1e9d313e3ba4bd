import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/db/repositories/users-repo.js';
import { type ApiClient, signIn, signInNewUser } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let app: FastifyInstance;
let owner: User;
let ownerId: string;
/** A RevOps admin: these tests are about the API's behaviour, not about who may do what. */
let admin: ApiClient;

beforeAll(async () => {
  api = await openTestApi();
  app = api.app;
  owner = await buildUser(api.database.db, { name: 'Maya Chen', role: 'ae', region: 'americas' });
  ownerId = owner.id;
  admin = await signInNewUser(app, { name: 'Grace Kim' });
});
afterAll(() => api.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => admin.call(method, url, body, headers);

async function newDeal() {
  const account = await call('POST', '/api/v1/accounts', {
    name: 'Northwind Analytics',
    segment: 'enterprise',
    country: 'US',
    subdivision: 'US-CA',
    city: 'San Francisco',
    postalCode: '94105',
  });
  expect(account.status).toBe(201);
  const accountId = account.body.id as string;
  const buyer = await call('POST', `/api/v1/accounts/${accountId}/contacts`, {
    name: 'Eve Buyer',
    title: 'CFO',
  });
  const champion = await call('POST', `/api/v1/accounts/${accountId}/contacts`, {
    name: 'Chris Champion',
    email: 'chris@northwind.example',
  });
  const created = await call('POST', '/api/v1/opportunities', {
    accountId,
    name: 'Northwind — real-time analytics',
    type: 'new_business',
    amountMinor: 240_000_00,
    currency: 'USD',
    closeDate: '2027-03-31',
    ownerId,
    source: 'ae',
  });
  expect(created.status).toBe(201);
  return {
    accountId,
    buyerId: buyer.body.id as string,
    championId: champion.body.id as string,
    deal: created,
  };
}

describe('opportunities over HTTP', () => {
  it('derives pipeline, stage, probability and forecast category, and refuses them as input', async () => {
    const { deal, accountId } = await newDeal();
    expect(deal.body).toMatchObject({
      pipeline: 'new_business',
      stage: 'created',
      probability: 0,
      forecastCategory: 'pipeline',
      version: 1,
    });
    expect(deal.headers.etag).toBe('"v1"');
    expect(deal.headers.location).toBe(`/api/v1/opportunities/${deal.body.id}`);
    const before = await call('GET', `/api/v1/opportunities?accountId=${accountId}`);
    const forged = await call('POST', '/api/v1/opportunities', {
      accountId,
      name: 'Forged',
      type: 'new_business',
      amountMinor: 1,
      currency: 'USD',
      closeDate: '2027-01-01',
      ownerId,
      source: 'ae',
      stage: 'signature',
      probability: 90,
    });
    expect(forged.status).toBe(400);
    expect(forged.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(forged.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.probability',
      'body.stage',
    ]);
    const after = await call('GET', `/api/v1/opportunities?accountId=${accountId}`);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('names the field of a rule the use case checks, where it was sent', async () => {
    const { accountId, deal } = await newDeal();
    const unknownType = await call('POST', '/api/v1/opportunities', {
      accountId,
      name: 'x',
      type: 'partnership',
      amountMinor: 1,
      currency: 'USD',
      closeDate: '2027-01-01',
      ownerId: admin.user.id,
      source: 'ae',
    });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.errors[0].path).toBe('body.type');
    const unknownElement = await call('PUT', `/api/v1/opportunities/${deal.body.id}/meddpicc/budget`, {
      level: 'unknown',
    });
    expect(unknownElement.body.errors[0].path).toBe('params.element');
  });

  it('names each bad field', async () => {
    const { accountId } = await newDeal();
    const bad = await call('POST', '/api/v1/opportunities', {
      accountId,
      name: 'x',
      type: 'new_business',
      amountMinor: '12.50',
      currency: 'usd',
      closeDate: '2027-02-30',
      ownerId,
      source: 'ae',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.amountMinor',
      'body.closeDate',
      'body.currency',
    ]);
  });

  it('blocks a move with 422 and the missing list, changes nothing, then lets the satisfied deal through', async () => {
    const { deal, buyerId, championId } = await newDeal();
    const id = deal.body.id as string;
    const blocked = await call('POST', `/api/v1/opportunities/${id}/stage`, { to: 'discover' });
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: 'gate_blocked', status: 422 });
    const missing = blocked.body.missing as Array<{
      kind: string;
      stage: string;
      key: string;
      message: string;
    }>;
    expect(missing).toContainEqual(
      expect.objectContaining({
        kind: 'criterion',
        stage: 'created',
        key: 'nb_call_notes',
        source: 'derived',
        message: 'No call or meeting logged on this deal yet.',
      }),
    );
    expect(missing).toContainEqual(
      expect.objectContaining({
        kind: 'meddpicc',
        stage: 'created',
        key: 'champion',
        required: 'identified',
        actual: 'unknown',
      }),
    );

    const read = await call('GET', `/api/v1/opportunities/${id}`);
    expect(read.body.opportunity).toMatchObject({ stage: 'created', version: 1 });
    expect(read.body.nextStage.missing).toEqual(missing);

    let etag = read.headers.etag as string;
    const meddpicc: Array<[string, string | null]> = [
      ['economic_buyer', buyerId],
      ['identify_pain', null],
      ['champion', championId],
      ['competition', null],
    ];
    for (const [element, contactId] of meddpicc) {
      const put = await call(
        'PUT',
        `/api/v1/opportunities/${id}/meddpicc/${element}`,
        { level: 'identified', summary: 'Confirmed on call', contactId },
        { 'if-match': etag },
      );
      expect(put.status).toBe(200);
      etag = (await call('GET', `/api/v1/opportunities/${id}`)).headers.etag as string;
    }
    const stale = await call(
      'PUT',
      `/api/v1/opportunities/${id}/criteria/nb_icp_fit`,
      { note: 'x' },
      { 'if-match': '"v1"' },
    );
    expect(stale.status).toBe(412);
    const logged = await call('POST', `/api/v1/opportunities/${id}/activities`, {
      kind: 'call',
      summary: 'Discovery call: dashboards time out at peak',
      contactIds: [championId],
    });
    expect(logged.status).toBe(201);
    for (const criterion of [
      'nb_lead_captured',
      'nb_icp_fit',
      'nb_pressing_need',
      'nb_budget_authority_timeline',
    ]) {
      const put = await call('PUT', `/api/v1/opportunities/${id}/criteria/${criterion}`, {
        note: 'Discovery call 12 Nov',
        evidenceUrl: 'https://notes.example.com/1',
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ criterion, note: 'Discovery call 12 Nov' });
    }
    const moved = await call('POST', `/api/v1/opportunities/${id}/stage`, { to: 'discover' });
    expect(moved.status).toBe(200);
    expect(moved.body.opportunity).toMatchObject({ stage: 'discover', probability: 10 });
    expect(moved.headers.etag).toBe(`"v${moved.body.opportunity.version}"`);

    const history = await call('GET', `/api/v1/opportunities/${id}/history?limit=200`);
    const change = history.body.items.find(
      (event: { action: string }) => event.action === 'opportunity.stage_changed',
    );
    expect(change.gate).toMatchObject({ from: 'created', to: 'discover', kind: 'advance' });
    const checkOf = (key: string) => change.gate.checks.find((check: { key: string }) => check.key === key);
    expect(checkOf('nb_icp_fit').attestation).toMatchObject({ evidenceUrl: 'https://notes.example.com/1' });
    expect(checkOf('nb_call_notes')).toMatchObject({ met: true, activityId: logged.body.id });
    expect(history.body.items[0]).toMatchObject({ action: 'opportunity.created', actorId: admin.user.id });
  });

  it('asks for a reason to move backward and a loss reason to close lost', async () => {
    const { deal } = await newDeal();
    const id = deal.body.id as string;
    const lost = await call('POST', `/api/v1/opportunities/${id}/stage`, { to: 'closed_lost' });
    expect(lost.status).toBe(422);
    expect(lost.body.missing.map((entry: { key: string }) => entry.key)).toEqual(['lossReason']);
    const closed = await call('POST', `/api/v1/opportunities/${id}/stage`, {
      to: 'closed_lost',
      lossReason: 'competitor',
      winningCompetitor: 'Snowflake',
    });
    expect(closed.body.opportunity).toMatchObject({
      stage: 'closed_lost',
      forecastCategory: 'omitted',
      lossReason: 'competitor',
      winningCompetitor: 'Snowflake',
    });
    // Reopening a closed deal is an admin action: the AE who owns it may not.
    const rep = await signIn(app, owner);
    const reopen = await rep.call('POST', `/api/v1/opportunities/${id}/stage`, {
      to: 'created',
      reason: 'Customer came back',
    });
    expect(reopen.status).toBe(409);
    expect(reopen.body.code).toBe('illegal_transition');
  });

  it('refuses an override from a caller without the right (the AE who owns the deal)', async () => {
    const { deal } = await newDeal();
    const rep = await signIn(app, owner);
    const forced = await rep.call('POST', `/api/v1/opportunities/${deal.body.id}/stage`, {
      to: 'discover',
      override: { justification: 'Trust me' },
    });
    expect(forced.status).toBe(403);
    expect(forced.body.code).toBe('override_not_allowed');
  });

  it('lets exactly one of 20 concurrent writers with the same ETag win', async () => {
    const { deal } = await newDeal();
    const id = deal.body.id as string;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        call(
          'PATCH',
          `/api/v1/opportunities/${id}`,
          { nextStep: `Step ${index}` },
          { 'if-match': deal.headers.etag as string },
        ),
      ),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(19);
    const read = await call('GET', `/api/v1/opportunities/${id}`);
    expect(read.body.opportunity.version).toBe(2);
  });

  it('pages a filtered list with cursors', async () => {
    const { accountId } = await newDeal();
    // Renewals are for commit customers: the account gets a contract in force first.
    const contract = await call('POST', `/api/v1/accounts/${accountId}/contracts`, {
      startDate: '2025-01-01',
      endDate: '2027-12-31',
      tcvMinor: 1000,
      currency: 'EUR',
    });
    expect(contract.status).toBe(201);
    for (let index = 0; index < 4; index++) {
      await call('POST', '/api/v1/opportunities', {
        accountId,
        name: `Extra ${index}`,
        type: 'renewal',
        amountMinor: 1000,
        currency: 'EUR',
        closeDate: `2027-0${index + 1}-15`,
        ownerId,
        source: 'customer_success',
      });
    }
    const first = await call('GET', `/api/v1/opportunities?accountId=${accountId}&pipeline=renewal&limit=3`);
    expect(first.body.items.map((item: { closeDate: string }) => item.closeDate)).toEqual([
      '2027-01-15',
      '2027-02-15',
      '2027-03-15',
    ]);
    const second = await call(
      'GET',
      `/api/v1/opportunities?accountId=${accountId}&pipeline=renewal&limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ closeDate: '2027-04-15', stage: 'open' })],
      nextCursor: null,
    });
    const badFilter = await call('GET', '/api/v1/opportunities?closeDateFrom=yesterday');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0].path).toBe('query.closeDateFrom');
  });

  it('answers 404 problem+json for an unknown deal', async () => {
    const missing = await call('GET', '/api/v1/opportunities/opp_nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not_found', status: 404 });
  });
});

describe('accounts over HTTP', () => {
  it('reads an account with contacts and deals, and edits it with If-Match', async () => {
    const { accountId } = await newDeal();
    const read = await call('GET', `/api/v1/accounts/${accountId}`);
    expect(read.body.contacts).toHaveLength(2);
    expect(read.body.opportunities).toHaveLength(1);
    const edited = await call(
      'PATCH',
      `/api/v1/accounts/${accountId}`,
      { city: 'Oakland', postalCode: '94607' },
      { 'if-match': read.headers.etag as string },
    );
    expect(edited.status).toBe(200);
    const stale = await call(
      'PATCH',
      `/api/v1/accounts/${accountId}`,
      { city: 'Berkeley' },
      { 'if-match': read.headers.etag as string },
    );
    expect(stale.status).toBe(412);
    const wrongCountry = await call('POST', '/api/v1/accounts', { name: 'X', segment: 'smb', country: 'ZZ' });
    expect(wrongCountry.body.errors[0].path).toBe('body.country');
  });
});

describe('idempotent creates', () => {
  it('answers a retried create with the first answer, and refuses the key for another body', async () => {
    const body = { name: 'Retry Labs', segment: 'smb', country: 'IE' };
    const headers = { 'idempotency-key': 'create-retry-labs-1' };
    const first = await call('POST', '/api/v1/accounts', body, headers);
    const retry = await call('POST', '/api/v1/accounts', body, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.location).toBe(first.headers.location);
    const listed = await call('GET', '/api/v1/accounts?search=Retry%20Labs');
    expect(listed.body.items).toHaveLength(1);
    const other = await call('POST', '/api/v1/accounts', { ...body, name: 'Other Labs' }, headers);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });
});

describe('the API description', () => {
  it('documents every resource route in OpenAPI 3.1', async () => {
    const spec = await call('GET', '/api/v1/openapi.json');
    expect(spec.body.openapi).toMatch(/^3\.1/);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/opportunities',
        '/api/v1/opportunities/{id}',
        '/api/v1/opportunities/{id}/stage',
        '/api/v1/opportunities/{id}/history',
        '/api/v1/opportunities/{id}/meddpicc/{element}',
        '/api/v1/opportunities/{id}/criteria/{criterion}',
        '/api/v1/accounts',
        '/api/v1/accounts/{id}',
        '/api/v1/accounts/{id}/contacts',
        '/api/v1/contacts/{id}',
      ]),
    );
  });
});
