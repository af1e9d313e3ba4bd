import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signInNewUser } from '../support/api-client.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

/** Text PostgreSQL cannot store (NUL, unpaired surrogates) is a 400 at its field before any SQL: never a 500. */
let api: TestApi;
let admin: ApiClient;
beforeAll(async () => {
  api = await openTestApi();
  admin = await signInNewUser(api.app, { name: 'Grace Kim' });
});
afterAll(() => api.close());

const accountCount = async () =>
  Number(
    (
      await api.database.db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('text no column can store', () => {
  it('refuses a NUL in the sign-in email with 400 at the field, even before signing in', async () => {
    const answer = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'grace\u0000@example.com', password: 'x' },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(answer.json().errors).toEqual([{ path: 'body.email', message: expect.stringMatching(/NUL/) }]);
  });

  it.each([
    ['a NUL character', 'Acme\u0000 Corp', /NUL/],
    ['an unpaired surrogate', 'Acme \uD83D Corp', /unpaired UTF-16 surrogate/],
  ])('refuses %s in an account name, and creates nothing', async (_what, name, message) => {
    const before = await accountCount();
    const answer = await admin.call('POST', '/api/v1/accounts', {
      name,
      segment: 'mid_market',
      country: 'DE',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path: 'body.name', message: expect.stringMatching(message) }]);
    expect(await accountCount()).toBe(before);
  });

  it('takes emoji and other scripts as they are', async () => {
    const answer = await admin.call('POST', '/api/v1/accounts', {
      name: 'Zoë 😀 東京',
      segment: 'mid_market',
      country: 'DE',
    });
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe('Zoë 😀 東京');
  });

  it('refuses such text in the query and the path too', async () => {
    const query = await admin.call('GET', '/api/v1/accounts?q=%00');
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([{ path: 'query.q', message: expect.stringMatching(/NUL/) }]);
    const param = await admin.call('GET', '/api/v1/accounts/acc%00x');
    expect(param.status).toBe(400);
    expect(param.body.errors).toEqual([{ path: 'params.id', message: expect.stringMatching(/NUL/) }]);
  });

  it('refuses a body nested absurdly deep with 400, not a crash', async () => {
    const depth = 5_000;
    const payload = `{"name":"Deep","segment":"mid_market","country":"DE","deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const response = await admin.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    const answer = { status: response.statusCode, body: response.json() };
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(/nested deeper than/);
  });
});

describe('codes no standard knows', () => {
  it('refuses a currency that is not ISO 4217 at its field, and creates nothing', async () => {
    const account = await admin.call('POST', '/api/v1/accounts', {
      name: 'Coins Ltd',
      segment: 'mid_market',
      country: 'DE',
    });
    const answer = await admin.call('POST', '/api/v1/opportunities', {
      accountId: account.body.id,
      name: 'Coins Ltd — first deal',
      type: 'new_business',
      amountMinor: 1_000_00,
      currency: 'XYZ',
      closeDate: '2027-06-30',
      ownerId: admin.user.id,
      source: 'ae',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: 'body.currency', message: expect.stringMatching(/not an ISO 4217 currency code/) },
    ]);
  });
});

describe('cursors made by hand', () => {
  const made = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
  it.each([
    ['deals, with a date PostgreSQL cannot hold', '/api/v1/opportunities', ['0000-01-01', 'opp_x']],
    ['deals, with no date at all', '/api/v1/opportunities', ['soon', 'opp_x']],
    ['the audit log, with a number past any id', '/api/v1/audit', [1e300]],
    ['accounts, with a NUL in the name', '/api/v1/accounts', ['a\u0000', 'acc_x']],
  ])('are a 400 at query.cursor on %s', async (_what, url, key) => {
    const answer = await admin.call('GET', `${url}?cursor=${made(key)}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: 'query.cursor', message: 'not a cursor this list returned' },
    ]);
  });
});
