import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAndWait, newServerStore, type ServerStore, startServe } from '../support/cli-server.js';
import { seedWebhookStore, WORKER_ENV } from '../support/webhook-fixtures.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * Two `closepath serve` processes with their webhook workers on one PostgreSQL database: no message is ever
 * in flight from both at once, and without a crash each is delivered exactly once. (PGlite takes one process.)
 */
const onServer = Boolean(process.env.TEST_DATABASE_URL);
const MESSAGES = 600;

let store: ServerStore;
let receiver: WebhookReceiver;
beforeAll(async () => {
  if (!onServer) return;
  receiver = await startWebhookReceiver();
  store = await newServerStore();
  await seedWebhookStore(store, receiver.url, MESSAGES);
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await store?.drop();
});

describe.skipIf(!onServer)('two server processes delivering webhooks', () => {
  it('never send one message at the same time, and send each once', async () => {
    receiver.respond = () => new Promise((resolve) => setTimeout(() => resolve(200), 3));
    const servers = await Promise.all([0, 1].map(() => startServe(store, WORKER_ENV)));
    try {
      await expect.poll(() => receiver.received.length, { timeout: 60_000, interval: 50 }).toBe(MESSAGES);
      await new Promise((resolve) => setTimeout(resolve, 500)); // nothing more arrives
    } finally {
      await Promise.all(servers.map((server) => killAndWait(server.child, 'SIGTERM')));
    }
    const ids = receiver.received.map((message) => message.id);
    expect(receiver.overlapping).toEqual([]);
    expect(ids).toHaveLength(MESSAGES);
    expect(new Set(ids).size).toBe(MESSAGES);
  }, 120_000);
});
