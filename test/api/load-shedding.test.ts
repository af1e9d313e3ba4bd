import { afterEach, describe, expect, it } from 'vitest';
import { type ApiClient, signInNewUser } from '../support/api-client.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const anonymousMe = async (test: TestApi) => test.app.inject({ method: 'GET', url: '/api/v1/me' });

describe('load shedding', () => {
  it('answers 503 server_busy before anything else while the database queue is over its limit, and serves again once it drains', async () => {
    let waiting = 0;
    api = await openTestApi({
      loadShedding: { maxWaitingQueries: 4, maxEventLoopDelayMs: 0, waitingQueries: () => waiting },
    });
    const test = api;
    expect((await anonymousMe(test)).statusCode).toBe(401);

    waiting = 5;
    await expect.poll(async () => (await anonymousMe(test)).statusCode, { timeout: 2000 }).toBe(503);
    const busy = await anonymousMe(test);
    expect(busy.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.json()).toMatchObject({ status: 503, code: 'server_busy' });
    expect(busy.json().detail).toMatch(/overloaded/);

    waiting = 4;
    await expect.poll(async () => (await anonymousMe(test)).statusCode, { timeout: 2000 }).toBe(401);
  });

  it('sheds part of a sustained overload on the real database queue, never with another error, and recovers', async () => {
    // The probe is the test database's own queue (known once it is open).
    let database: TestApi['database'] | undefined;
    api = await openTestApi({
      loadShedding: {
        maxWaitingQueries: 3,
        maxEventLoopDelayMs: 0,
        waitingQueries: () => database?.waitingQueries() ?? 0,
      },
    });
    database = api.database;
    const client: ApiClient = await signInNewUser(api.app);

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
    await expect
      .poll(async () => (await client.call('GET', '/api/v1/opportunities?limit=50')).status, {
        timeout: 2000,
      })
      .toBe(200);
  });
});
