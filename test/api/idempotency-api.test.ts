import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/app/accounts/save-account.js';
import { type ApiClient, signInNewUser } from '../support/api-client.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let app: FastifyInstance;
let admin: ApiClient;

/** A create that saves its account and then fails, as a crash between the write and the answer would. */
async function writeThenFail(app: FastifyInstance) {
  app.post('/api/v1/test/accounts-then-fail', { config: { idempotent: true } }, async (request) => {
    const body = request.body as { name: string };
    await createAccount(request.context, request.actor, { name: body.name, segment: 'smb', country: 'IE' });
    throw new Error('the process fails after the write');
  });
}

beforeAll(async () => {
  api = await openTestApi({ beforeReady: writeThenFail });
  app = api.app;
  admin = await signInNewUser(app, { name: 'Grace Kim' });
});
afterAll(() => api.close());

const accountsNamed = async (name: string) =>
  (await admin.call('GET', `/api/v1/accounts?search=${encodeURIComponent(name)}`)).body.items as unknown[];

describe('Idempotency-Key: the claim, the write and the answer commit together', () => {
  it('rolls the write back with the claim when the request fails after writing, so a retry runs again', async () => {
    const headers = { 'idempotency-key': 'fails-after-write-1' };
    const first = await admin.call(
      'POST',
      '/api/v1/test/accounts-then-fail',
      { name: 'Halfway Ltd' },
      headers,
    );
    expect(first.status).toBe(500);
    expect(await accountsNamed('Halfway Ltd')).toHaveLength(0);
    const retry = await admin.call(
      'POST',
      '/api/v1/test/accounts-then-fail',
      { name: 'Halfway Ltd' },
      headers,
    );
    expect(retry.status).toBe(500);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await accountsNamed('Halfway Ltd')).toHaveLength(0);
  });

  it('creates once when the same key arrives several times at once, and answers each with that record', async () => {
    const body = { name: 'Simultaneous Inc', segment: 'smb', country: 'IE' };
    const headers = { 'idempotency-key': 'at-once-1' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => admin.call('POST', '/api/v1/accounts', body, headers)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await accountsNamed('Simultaneous Inc')).toHaveLength(1);
  });

  it('stores a refusal too: the retry of a create the use case refused gets the same answer, replayed', async () => {
    const headers = { 'idempotency-key': 'refused-1' };
    const body = {
      accountId: 'acc_does_not_exist',
      name: 'Nowhere deal',
      type: 'new_business',
      amountMinor: 10_000_00,
      currency: 'USD',
      closeDate: '2027-03-31',
      ownerId: admin.user.id,
      source: 'ae',
    };
    const first = await admin.call('POST', '/api/v1/opportunities', body, headers);
    const retry = await admin.call('POST', '/api/v1/opportunities', body, headers);
    expect(first.status).toBeGreaterThanOrEqual(400);
    expect(first.status).toBeLessThan(500);
    expect(retry.status).toBe(first.status);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.code).toBe(first.body.code);
  });

  it('serves other requests while a keyed create runs and after it ends', async () => {
    const headers = { 'idempotency-key': 'with-others-1' };
    const [created, listed] = await Promise.all([
      admin.call('POST', '/api/v1/accounts', { name: 'Busy Co', segment: 'smb', country: 'IE' }, headers),
      admin.call('GET', '/api/v1/accounts'),
    ]);
    expect(created.status).toBe(201);
    expect(listed.status).toBe(200);
    expect(await accountsNamed('Busy Co')).toHaveLength(1);
  });
});
