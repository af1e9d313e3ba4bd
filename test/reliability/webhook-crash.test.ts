import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open-app.js';
import { killAndWait, newServerStore, type ServerStore, startServe } from '../support/cli-server.js';
import { seedWebhookStore, WORKER_ENV } from '../support/webhook-fixtures.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * kill -9 of a real `closepath serve` while its webhook worker delivers MESSAGES messages to a local receiver,
 * KILLS times, then a restart: every message arrives at least once, a message that arrives twice has the same
 * webhook-id both times, every signature verifies, and the database ends with every delivery delivered.
 */
const MESSAGES = Number(process.env.WEBHOOK_CRASH_MESSAGES ?? 1000);
const KILL_AFTER = [0.25, 0.6].map((share) => Math.floor(share * MESSAGES));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let store: ServerStore;
let receiver: WebhookReceiver;
let secret: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  store = await newServerStore();
  secret = await seedWebhookStore(store, receiver.url, MESSAGES);
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await store?.drop();
});

const eventIdOf = (body: string) => (JSON.parse(body) as { data: { eventId: number } }).data.eventId;
const distinctEvents = () => new Set(receiver.received.map((message) => eventIdOf(message.body))).size;

async function waitFor(done: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await sleep(5);
}

describe('a crash while webhooks are being delivered', () => {
  it('loses no message, and a duplicate only ever repeats its webhook-id', async () => {
    // A receiver a little slow to answer, so a kill lands with attempts in flight.
    receiver.respond = () => new Promise((resolve) => setTimeout(() => resolve(200), 3));
    const started = performance.now();
    for (const killAt of KILL_AFTER) {
      const server = await startServe(store, WORKER_ENV);
      await waitFor(() => receiver.received.length >= killAt, 40_000);
      await killAndWait(server.child, 'SIGKILL');
    }
    const receivedBeforeRestart = receiver.received.length;
    const server = await startServe(store, WORKER_ENV);
    await waitFor(() => distinctEvents() === MESSAGES, 40_000);
    // Let the last answers be recorded, then stop it cleanly so the database can be read.
    await sleep(500);
    await killAndWait(server.child, 'SIGTERM');
    const seconds = (performance.now() - started) / 1000;
    const lastPhase = receiver.received.slice(receivedBeforeRestart);
    const phaseSeconds = ((lastPhase.at(-1)?.receivedAt ?? 0) - (lastPhase[0]?.receivedAt ?? 0)) / 1000;

    const app = await openApp(store.config);
    const statuses = await app.context.db
      .selectFrom('webhook_deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute()
      .finally(() => app.close());

    const idsByEvent = new Map<number, Set<string>>();
    let badSignatures = 0;
    for (const message of receiver.received) {
      const eventId = eventIdOf(message.body);
      idsByEvent.set(eventId, (idsByEvent.get(eventId) ?? new Set()).add(message.id));
      try {
        new Webhook(secret).verify(message.body, {
          'webhook-id': message.id,
          'webhook-timestamp': message.timestamp,
          'webhook-signature': message.signature,
        });
      } catch {
        badSignatures += 1;
      }
    }
    const lost = MESSAGES - idsByEvent.size;
    const duplicates = receiver.received.length - idsByEvent.size;
    const idsChanged = [...idsByEvent.values()].filter((ids) => ids.size > 1).length;
    console.log(
      `webhook crash on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: ${KILL_AFTER.length} kills, ` +
        `${MESSAGES} messages, ${receiver.received.length} received (${receivedBeforeRestart} before the last ` +
        `restart), ${duplicates} duplicates, ${idsChanged} with another webhook-id, ${lost} lost, ${badSignatures} ` +
        `bad signatures; ${seconds.toFixed(1)} s with 3 starts (${(receiver.received.length / seconds).toFixed(0)} ` +
        `deliveries/s overall, ${(lastPhase.length / phaseSeconds).toFixed(0)}/s once running after the restart); ` +
        `statuses ${JSON.stringify(statuses)}`,
    );
    expect(lost).toBe(0);
    expect(idsChanged).toBe(0);
    expect(badSignatures).toBe(0);
    expect(statuses.map((row) => [row.status, Number(row.n)])).toEqual([['delivered', MESSAGES]]);
  }, 180_000);
});
