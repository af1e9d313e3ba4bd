import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, TEST_SCRYPT_COST } from '../../src/app/auth/passwords.js';
import { openApp } from '../../src/app/open-app.js';
import { setPasswordHash } from '../../src/db/repositories/user-records-repo.js';
import { killAndWait, newServerStore, type ServerStore, startServe } from '../support/cli-server.js';
import { buildUser } from '../support/factories.js';

/**
 * Two `closepath serve` processes on one PostgreSQL database, as behind a load balancer: what one process
 * counts, stores or runs, the other sees. (PGlite is one process per data directory by construction: its
 * lock refuses a second one — src/db/pglite/data-dir-lock.test.ts.)
 */
const onServer = Boolean(process.env.TEST_DATABASE_URL);
const PASSWORD = 'two processes, one database';
const JOBS_PERIOD_MS = 1000;

let store: ServerStore;
let servers: Array<Awaited<ReturnType<typeof startServe>>> = [];
const emails = { target: 'target@example.com', colleague: 'colleague@example.com' };

beforeAll(async () => {
  if (!onServer) return;
  store = await newServerStore();
  const app = await openApp(store.config);
  try {
    for (const email of Object.values(emails)) {
      const user = await buildUser(app.context.db, { email, name: email, role: 'revops_admin' });
      await setPasswordHash(app.context.db, user.id, await hashPassword(PASSWORD, TEST_SCRYPT_COST));
    }
  } finally {
    await app.close();
  }
  servers = await Promise.all(
    [0, 1].map(() => startServe(store, { JOBS_PERIOD_MS: String(JOBS_PERIOD_MS) })),
  );
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => killAndWait(server.child, 'SIGTERM')));
  await store?.drop();
});

const login = (server: number, email: string, password: string) =>
  fetch(`${servers[server]?.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe.skipIf(!onServer)('two server processes on one PostgreSQL database', () => {
  it('limits a sign-in brute force across both: the 6th wrong password is refused wherever it lands', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await login(attempt % 2, emails.target, `wrong ${attempt}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login(0, emails.target, PASSWORD)).status).toBe(429);
  });

  it('shares sessions and Idempotency-Keys: signed in on one, a retried create on the other replays', async () => {
    const signedIn = await login(0, emails.colleague, PASSWORD);
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const create = (server: number) =>
      fetch(`${servers[server]?.url}/api/v1/accounts`, {
        method: 'POST',
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          'content-type': 'application/json',
          'idempotency-key': 'two-processes-1',
        },
        body: JSON.stringify({ name: 'Shared Key Ltd', segment: 'smb', country: 'IE' }),
      });
    const first = await create(0);
    const retry = await create(1);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
  });

  it('runs a background job once per period, though both processes tick', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3.5 * JOBS_PERIOD_MS));
    const app = await openApp(store.config);
    try {
      const runs = await app.context.db
        .selectFrom('job_runs')
        .select(['period_start', 'process', 'finished_at'])
        .where('job', '=', 'housekeeping')
        .execute();
      const periods = new Set(runs.map((run) => run.period_start.getTime()));
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(periods.size).toBe(runs.length);
      expect(runs.filter((run) => run.finished_at !== null).length).toBeGreaterThanOrEqual(runs.length - 1);
    } finally {
      await app.close();
    }
  });
});
