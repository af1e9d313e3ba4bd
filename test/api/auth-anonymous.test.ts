import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCallResult } from '../support/api-client.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await openTestApi();
});
afterAll(() => api.close());

const get = async (url: string, headers: Record<string, string> = {}) =>
  toCallResult(await api.app.inject({ method: 'GET', url, headers }));

describe('anonymous callers', () => {
  it('get 401 problem+json on data routes and unknown routes, and through a forged cookie', async () => {
    for (const url of ['/api/v1/opportunities', '/api/v1/playbook', '/api/v1/users', '/api/v1/nowhere']) {
      const response = await get(url);
      expect(response.status, url).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="closepath"');
    }
    const forged = await get('/api/v1/opportunities', { cookie: `closepath_session=${'A'.repeat(43)}` });
    expect(forged.status).toBe(401);
    const created = await api.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'X' } });
    expect(created.statusCode).toBe(401);
  });

  it('reach health, login, the OpenAPI document and the docs page', async () => {
    for (const url of ['/api/health', '/api/v1/openapi.json', '/api/v1/docs', '/api/v1/docs/json']) {
      expect((await get(url)).status, url).toBe(200);
    }
    expect((await get('/api/v1/auth/demo-users')).status).toBe(404);
  });
});
