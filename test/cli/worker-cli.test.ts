import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newServerStore, type ServerStore, spawnCli } from '../support/cli-server.js';
import { seedWebhookStore, WORKER_ENV } from '../support/webhook-fixtures.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let store: ServerStore;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  store = await newServerStore();
  await seedWebhookStore(store, receiver.url, 20);
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await store?.drop();
});

describe('closepath worker', () => {
  it('delivers the outbox to the subscriptions until SIGTERM, then exits 0', async () => {
    const { child, log } = spawnCli(['worker'], {
      ...store.env,
      ...WORKER_ENV,
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await expect.poll(() => receiver.received.length, { timeout: 40_000 }).toBe(20);
    expect(log.join('')).toContain('webhook worker running');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);
});
