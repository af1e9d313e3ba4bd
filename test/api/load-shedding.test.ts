import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { signInNewUser } from '../support/api-client.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A public route that answers only when the test lets it, to hold requests in flight. */
function holdingRoute(app: FastifyInstance) {
  const held: Array<() => void> = [];
  app.get('/test/hold', { config: { public: true } }, async () => {
    await new Promise<void>((release) => held.push(release));
    return { ok: true };
  });
  const releaseAll = () => {
    for (const release of held.splice(0)) release();
  };
  return { held, releaseAll };
}

describe('load shedding', () => {
  it('answers 503 server_busy before anything else while the limit of requests is in flight, and serves again when one ends', async () => {
    let hold: ReturnType<typeof holdingRoute> | undefined;
    api = await openTestApi({
      loadShedding: { maxConcurrentRequests: 2, maxEventLoopDelayMs: 0 },
      beforeReady: async (app) => {
        hold = holdingRoute(app);
      },
    });
    const { app } = api;
    const first = app.inject({ method: 'GET', url: '/test/hold' });
    const second = app.inject({ method: 'GET', url: '/test/hold' });
    await expect.poll(() => hold?.held.length).toBe(2);

    const busy = await app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.headers['x-content-type-options']).toBe('nosniff');
    expect(busy.json()).toMatchObject({ status: 503, code: 'server_busy', instance: '/api/v1/me' });
    expect(busy.json().detail).toMatch(/overloaded/);

    hold?.releaseAll();
    expect((await first).statusCode).toBe(200);
    expect((await second).statusCode).toBe(200);
    // Both slots are free again: an anonymous caller gets its 401, not a 503.
    expect((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('sheds part of a sustained overload of real reads, never with another error, and recovers at once', async () => {
    api = await openTestApi({ loadShedding: { maxConcurrentRequests: 4, maxEventLoopDelayMs: 0 } });
    const client = await signInNewUser(api.app);

    const statuses = new Map<number, number>();
    const problemCodes = new Set<string>();
    const until = Date.now() + 1500;
    const worker = async () => {
      for (let sent = 0; sent < 400 && Date.now() < until; sent++) {
        const answer = await client.call('GET', '/api/v1/opportunities?limit=50');
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 503) problemCodes.add(answer.body.code);
      }
    };
    await Promise.all(Array.from({ length: 40 }, worker));

    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    expect(problemCodes).toEqual(new Set(['server_busy']));
    expect((await client.call('GET', '/api/v1/opportunities?limit=50')).status).toBe(200);
  });
});
