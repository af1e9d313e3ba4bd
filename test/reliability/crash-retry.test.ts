import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/app/access/actors.js';
import { createRandom } from '../../src/app/demo/random.js';
import { openApp } from '../../src/app/open-app.js';
import { createToken } from '../../src/app/tokens/create-token.js';
import { killAndWait, newServerStore, type ServerStore, startServe } from '../support/cli-server.js';
import { buildUser } from '../support/factories.js';

/**
 * kill -9 of the real server at random points while keyed creates are in flight, then retries of every key:
 * each must end with exactly one record and the id of the first answer. CRASH_ROUNDS=40 for a longer run.
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 4);
const LANES = 3;
const MAX_KILL_DELAY_MS = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SEED = Number(process.env.CRASH_SEED ?? 20261201);

interface Keyed {
  key: string;
  name: string;
  /** The id of the first answer the client saw (if it saw one before the crash). */
  firstId?: string;
}

let store: ServerStore;
let token: string;

beforeAll(async () => {
  store = await newServerStore();
  const app = await openApp(store.config);
  try {
    const admin = await buildUser(app.context.db, { name: 'Crash Admin', role: 'revops_admin' });
    const created = await createToken(app.context, systemActor('test'), {
      userId: admin.id,
      name: 'crash test',
    });
    if (!created.ok) throw new Error('could not create the test token');
    token = created.value.secret;
  } finally {
    await app.close();
  }
}, 120_000);
afterAll(() => store?.drop());

function create(url: string, keyed: Keyed) {
  return fetch(`${url}/api/v1/accounts`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': keyed.key,
    },
    body: JSON.stringify({ name: keyed.name, segment: 'smb', country: 'IE' }),
    signal: AbortSignal.timeout(20_000),
  });
}

describe('a crash during keyed creates', () => {
  it('loses none, duplicates none and leaves no key stuck when every key is retried after a restart', async () => {
    const random = createRandom(SEED).next; // the kill points are random, but the same on every run
    const keys: Keyed[] = [];
    let answeredBeforeCrash = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const server = await startServe(store);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      let killed = false;
      // LANES clients each send keyed creates one after another until the server dies under them.
      const lanes = Array.from({ length: LANES }, async (_, lane) => {
        for (let i = 0; !killed; i += 1) {
          const keyed: Keyed = { key: `crash-${round}-${lane}-${i}`, name: `Crash ${round}-${lane}-${i}` };
          keys.push(keyed);
          const answer = await create(server.url, keyed).catch(() => undefined);
          if (answer?.status !== 201) return;
          keyed.firstId = ((await answer.json()) as { id: string }).id;
          answeredBeforeCrash += 1;
        }
      });
      // The kill lands after a random number of answers in this round, a random few milliseconds later:
      // before, during and after writes (the server's first requests are slow, so time alone would miss).
      const answersBefore = answeredBeforeCrash + Math.floor(random() * 4);
      const waitUntil = Date.now() + 30_000;
      while (answeredBeforeCrash < answersBefore && Date.now() < waitUntil) await sleep(2);
      await sleep(Math.floor(random() * MAX_KILL_DELAY_MS));
      killed = true;
      await killAndWait(server.child, 'SIGKILL');
      await Promise.allSettled(lanes);
    }

    const server = await startServe(store);
    const retried: Array<{ keyed: Keyed; status: number; id?: string; replayed: boolean }> = [];
    try {
      for (const keyed of keys) {
        const answer = await create(server.url, keyed);
        const body = (await answer.json()) as { id?: string };
        retried.push({
          keyed,
          status: answer.status,
          id: body.id,
          replayed: answer.headers.has('idempotent-replayed'),
        });
      }
    } finally {
      await killAndWait(server.child, 'SIGTERM');
    }

    const app = await openApp(store.config);
    const rows = await app.context.db
      .selectFrom('accounts')
      .select(['id', 'name'])
      .where('name', 'like', 'Crash %')
      .execute()
      .finally(() => app.close());
    const idsByName = new Map<string, string[]>();
    for (const row of rows) idsByName.set(row.name, [...(idsByName.get(row.name) ?? []), row.id]);

    const stuck = retried.filter((r) => r.status !== 201);
    const lost = keys.filter((keyed) => !idsByName.has(keyed.name));
    const duplicated = [...idsByName.values()].filter((ids) => ids.length > 1);
    const changedId = retried.filter((r) => r.keyed.firstId && r.id !== r.keyed.firstId);
    console.log(
      `crash-retry on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: ${ROUNDS} kills, ${keys.length} keyed ` +
        `creates, ${answeredBeforeCrash} answered before a kill, ${retried.filter((r) => r.replayed).length} retries ` +
        `replayed, ${stuck.length} stuck, ${lost.length} lost, ${duplicated.length} duplicated, ${changedId.length} ` +
        'answered with another id',
    );
    expect(stuck.map((r) => `${r.keyed.key} → ${r.status}`)).toEqual([]);
    expect(lost.map((keyed) => keyed.key)).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(changedId.map((r) => r.keyed.key)).toEqual([]);
    expect(rows).toHaveLength(keys.length);
    for (const r of retried) expect(r.id).toBe(idsByName.get(r.keyed.name)?.[0]);
  }, 600_000);
});
