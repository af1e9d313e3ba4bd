import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn, signInNewUser, TEST_PASSWORD } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

const MINUTE = 60_000;
let api: TestApi;
let admin: ApiClient;
beforeAll(async () => {
  api = await openTestApi({
    rateLimits: {
      loginFailuresPerAccount: { limit: 5, windowMs: 15 * MINUTE },
      loginAttemptsPerIp: { limit: 1000, windowMs: MINUTE },
    },
  });
  admin = await signInNewUser(api.app);
});
afterAll(() => api.close());

const account = { name: 'Csrf Target', segment: 'smb', country: 'IE' };
const countAccounts = async () =>
  (await api.database.db.selectFrom('accounts').select('id').where('name', '=', account.name).execute())
    .length;

describe('CSRF protection of cookie sessions', () => {
  it('refuses a change without the x-csrf-token header (403) and changes nothing', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie: admin.cookie },
      payload: account,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'csrf_failed', status: 403 });
    const wrong = await admin.call('POST', '/api/v1/accounts', account, { 'x-csrf-token': 'guess' });
    expect(wrong.status).toBe(403);
    expect(await countAccounts()).toBe(0);
  });

  it('refuses a cross-site Origin or Sec-Fetch-Site even with the token, and accepts same-origin', async () => {
    const crossSite: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const refused = await admin.call('POST', '/api/v1/accounts', account, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.body.code).toBe('csrf_failed');
    }
    const logout = await admin.call('POST', '/api/v1/auth/logout', undefined, {
      origin: 'https://evil.example',
    });
    expect(logout.status).toBe(403);
    expect(await countAccounts()).toBe(0);
    const same = await admin.call('POST', '/api/v1/accounts', account, {
      origin: 'http://localhost:80',
      'sec-fetch-site': 'same-origin',
    });
    expect(same.status).toBe(201);
    expect((await admin.call('GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('refuses a sign-in posted from another site', async () => {
    const user = await buildUser(api.database.db);
    await signIn(api.app, user);
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('locks an account after 5 failed sign-ins with 429 and Retry-After, even for the right password', async () => {
    const user = await buildUser(api.database.db);
    await signIn(api.app, user);
    const attempt = (password: string) =>
      api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password } });
    for (let index = 0; index < 5; index++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    api.advance(15 * MINUTE);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits sign-in attempts per IP and requests per signed-in user', async () => {
    const tight = await openTestApi({
      rateLimits: {
        loginAttemptsPerIp: { limit: 2, windowMs: MINUTE },
        requestsPerPrincipal: { limit: 3, windowMs: MINUTE },
      },
    });
    const user = await buildUser(tight.database.db);
    const client = await signIn(tight.app, user);
    const login = () =>
      tight.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x@example.com', password: 'y' },
      });
    expect((await login()).statusCode).toBe(401);
    const throttled = await login();
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('60');
    const statuses = [];
    for (let index = 0; index < 4; index++)
      statuses.push((await client.call('GET', '/api/v1/auth/me')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    tight.advance(MINUTE);
    expect((await client.call('GET', '/api/v1/auth/me')).status).toBe(200);
    await tight.close();
  });

  it('limits anonymous requests per client IP, 401s and unknown routes included, never health checks', async () => {
    const tight = await openTestApi({
      rateLimits: { anonymousRequestsPerIp: { limit: 2, windowMs: MINUTE } },
    });
    const get = (url: string, remoteAddress = '10.0.0.1') => tight.app.inject({ url, remoteAddress });
    const first = await get('/api/v1/opportunities');
    expect(first.statusCode).toBe(401);
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '1' });
    expect((await get('/api/v1/nowhere')).statusCode).toBe(401);
    const refused = await get('/api/v1/openapi.json');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(refused.headers['retry-after']).toBe('60');
    for (let index = 0; index < 3; index++) expect((await get('/api/health')).statusCode).toBe(200);
    expect((await get('/api/v1/openapi.json', '10.0.0.2')).statusCode).toBe(200);
    tight.advance(MINUTE);
    expect((await get('/api/v1/openapi.json')).statusCode).toBe(200);
    await tight.close();
  });
});
