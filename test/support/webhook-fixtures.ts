import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { systemActor } from '../../src/app/access/actors.js';
import type { AppContext } from '../../src/app/context.js';
import { openApp } from '../../src/app/open-app.js';
import { createWebhookSubscription } from '../../src/app/webhooks/create-webhook-subscription.js';
import { DEFAULT_WORKER_SETTINGS, type WorkerSettings } from '../../src/app/webhooks/webhook-settings.js';
import type { Database } from '../../src/db/schema.js';
import type { ServerStore } from './cli-server.js';
import { admin } from './factories.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/** What the tests allow: http to loopback receivers (as WEBHOOKS_ALLOW_* do for spawned servers). */
export const LOOSE_TARGETS = { allowHttp: true, allowPrivateTargets: true };

/** The worker as tests run it: short timeout and lease. */
export const TEST_WORKER: WorkerSettings = { ...DEFAULT_WORKER_SETTINGS, timeoutMs: 2000, leaseMs: 5000 };

/** A subscription made through the use case (as an admin); its id and its secret. */
export async function subscribe(context: AppContext, url: string, eventTypes: string[] = ['*']) {
  const created = await createWebhookSubscription(context, admin(), { url, eventTypes: eventTypes as ['*'] });
  if (!created.ok) throw new Error(`subscribe: ${JSON.stringify(created.error)}`);
  return { id: created.value.subscription.id, secret: created.value.secret };
}

/** `count` audit events (with their outbox rows) of one topic, as a change would write them. */
export async function writeOutboxEvents(
  db: Kysely<Database>,
  at: Date,
  count: number,
  topic = 'account.updated',
) {
  const rows = Array.from({ length: count }, (_, i) => ({
    occurred_at: at,
    actor_id: 'system:test',
    request_id: null,
    entity_type: 'account',
    entity_id: `acc_${i}`,
    opportunity_id: null,
    action: topic,
  }));
  for (let start = 0; start < rows.length; start += 500) {
    const events = await db
      .insertInto('events')
      .values(rows.slice(start, start + 500))
      .returning(['id', 'entity_id'])
      .execute();
    await db
      .insertInto('outbox')
      .values(
        events.map((event) => ({
          event_id: event.id,
          topic,
          payload: JSON.stringify({
            eventId: event.id,
            action: topic,
            entityType: 'account',
            entityId: event.entity_id,
          }),
          created_at: at,
        })),
      )
      .execute();
  }
}

/** Every delivery's status, by id. */
export async function deliveryStatuses(db: Kysely<Database>) {
  const rows = await db.selectFrom('webhook_deliveries').select(['id', 'status', 'attempt_count']).execute();
  return rows;
}

/** For a test file: a fresh database and a local receiver, opened before its tests and closed after them. */
export function openWebhookTestbed(): { database: TestDatabase; receiver: WebhookReceiver } {
  const bed = {} as { database: TestDatabase; receiver: WebhookReceiver };
  beforeAll(async () => {
    bed.database = await createTestDatabase();
    bed.receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await bed.receiver?.close();
    await bed.database?.close();
  });
  return bed;
}

/**
 * A server store with a subscription of `url` to account.updated and `count` messages waiting in the outbox
 * (written while no server runs: PGlite takes one process). Answers the subscription's secret.
 */
export async function seedWebhookStore(store: ServerStore, url: string, count: number): Promise<string> {
  const app = await openApp({ ...store.config, webhookTargets: LOOSE_TARGETS });
  try {
    const created = await createWebhookSubscription(app.context, systemActor('test'), {
      url,
      eventTypes: ['account.updated'],
    });
    if (!created.ok) throw new Error('could not subscribe');
    await writeOutboxEvents(app.context.db, new Date(), count);
    return created.value.secret;
  } finally {
    await app.close();
  }
}

/** A server's environment with its webhook worker on, quick to poll, allowed to reach the local receiver. */
export const WORKER_ENV = {
  WEBHOOKS_WORKER: 'on',
  WEBHOOKS_ALLOW_HTTP: 'true',
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOKS_POLL_MS: '100',
  WEBHOOKS_TIMEOUT_MS: '1000',
  WEBHOOKS_LEASE_MS: '2000',
};
