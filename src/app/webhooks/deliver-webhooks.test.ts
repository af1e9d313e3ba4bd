import { Webhook } from 'standardwebhooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { admin, buildUser, testContext } from '../../../test/support/factories.js';
import {
  openWebhookTestbed,
  subscribe,
  TEST_WORKER,
  writeOutboxEvents,
} from '../../../test/support/webhook-fixtures.js';
import { RETRY_POLICY } from '../../domain/webhooks/retry-schedule.js';
import { createAccount } from '../accounts/save-account.js';
import { getWebhookDelivery, listWebhookDeliveries } from './list-webhook-deliveries.js';
import { replayWebhookDelivery } from './replay-webhook-delivery.js';
import { rotateWebhookSecret } from './rotate-webhook-secret.js';
import { runWebhookRound } from './webhook-worker.js';

const bed = openWebhookTestbed();
beforeEach(async () => {
  bed.receiver.received.length = 0;
  bed.receiver.respond = () => 200;
  // Each test starts with no subscription and nothing left to fan out.
  await bed.database.db.updateTable('webhook_subscriptions').set({ active: false }).execute();
  await bed.database.db
    .updateTable('outbox')
    .set({ delivered_at: new Date() })
    .where('delivered_at', 'is', null)
    .execute();
});

const HOUR = 3_600_000;
const noJitter = () => 0;

describe('outbound webhooks', () => {
  it('send a change signed per Standard Webhooks: Webhook.verify accepts it, the log has the attempt', async () => {
    const { context } = testContext(bed.database.db, new Date());
    const { id: subscriptionId, secret } = await subscribe(context, bed.receiver.url, ['account.created']);
    const owner = await buildUser(bed.database.db, { role: 'ae' });
    const created = await createAccount(context, admin(), {
      name: 'Signed Ltd',
      segment: 'smb',
      country: 'IE',
      ownerId: owner.id,
    });
    if (!created.ok) throw new Error('account');
    const round = await runWebhookRound(context, TEST_WORKER);
    expect(round).toMatchObject({ deliveries: 1, claimed: 1, delivered: 1 });

    const [message] = bed.receiver.received;
    if (!message) throw new Error('nothing received');
    const verified = new Webhook(secret).verify(message.body, {
      'webhook-id': message.id,
      'webhook-timestamp': message.timestamp,
      'webhook-signature': message.signature,
    });
    expect(verified).toEqual({
      type: 'account.created',
      timestamp: expect.any(String),
      data: {
        eventId: expect.any(Number),
        action: 'account.created',
        entityType: 'account',
        entityId: created.value.id,
      },
    });
    expect(() =>
      new Webhook(secret).verify(message.body.replace('account.created', 'account.updated'), {
        'webhook-id': message.id,
        'webhook-timestamp': message.timestamp,
        'webhook-signature': message.signature,
      }),
    ).toThrow();
    expect(message.headers['content-type']).toBe('application/json');
    const log = await listWebhookDeliveries(context, admin(), { limit: 10, subscriptionId });
    if (!log.ok) throw new Error('log');
    expect(log.value.items.map((item) => [item.id, item.status])).toEqual([[message.id, 'delivered']]);
    const detail = await getWebhookDelivery(context, admin(), message.id);
    expect(detail.ok && detail.value.attempts).toEqual([
      expect.objectContaining({ attempt: 1, httpStatus: 200, error: null, responseSnippet: 'answered 200' }),
    ]);
  });

  it('retries with backoff for more than 24 h, then dead-letters; a replay sends the same webhook-id again', async () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const clock = testContext(bed.database.db, start);
    await subscribe(clock.context, bed.receiver.url, ['account.updated']);
    await writeOutboxEvents(bed.database.db, start, 1);
    bed.receiver.respond = () => 503;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= RETRY_POLICY.maxAttempts; attempt += 1) {
      const round = await runWebhookRound(clock.context, TEST_WORKER, noJitter);
      expect(round.claimed).toBe(1);
      const [row] = await bed.database.db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('status', '=', 'pending')
        .execute();
      if (!row) break;
      // Not due a millisecond early: nothing is claimed before the backoff has passed.
      const wait = row.next_attempt_at.getTime() - clock.context.now().getTime();
      waits.push(wait);
      clock.setNow(new Date(row.next_attempt_at.getTime() - 1));
      expect((await runWebhookRound(clock.context, TEST_WORKER, noJitter)).claimed).toBe(0);
      clock.setNow(row.next_attempt_at);
    }
    expect(bed.receiver.received).toHaveLength(RETRY_POLICY.maxAttempts);
    expect(new Set(bed.receiver.received.map((m) => m.id)).size).toBe(1);
    expect(waits.slice(0, 3)).toEqual([30_000, 60_000, 120_000]);
    expect(clock.context.now().getTime() - start.getTime()).toBeGreaterThan(24 * HOUR);
    const [dead] = await bed.database.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .execute()
      .then((rows) => rows.filter((r) => r.status === 'dead'));
    if (!dead) throw new Error('not dead');
    expect(dead.attempt_count).toBe(RETRY_POLICY.maxAttempts);

    bed.receiver.respond = () => 204;
    const replayed = await replayWebhookDelivery(clock.context, admin(), dead.id);
    expect(replayed.ok && replayed.value.status).toBe('pending');
    expect((await replayWebhookDelivery(clock.context, admin(), dead.id)).ok).toBe(false);
    expect(await runWebhookRound(clock.context, TEST_WORKER, noJitter)).toMatchObject({ delivered: 1 });
    expect(bed.receiver.received.at(-1)?.id).toBe(dead.id);
    const audit = await bed.database.db
      .selectFrom('events')
      .select('action')
      .where('entity_id', '=', dead.id)
      .execute();
    expect(audit.map((event) => event.action)).toEqual(['webhook_delivery.replayed']);
  });

  it('disables a subscription whose receiver answers 410 Gone, and signs with both secrets after a rotation', async () => {
    const { context } = testContext(bed.database.db, new Date());
    const { id, secret: oldSecret } = await subscribe(context, bed.receiver.url, ['account.updated']);
    const rotated = await rotateWebhookSecret(context, admin(), id);
    if (!rotated.ok) throw new Error('rotate');
    await writeOutboxEvents(bed.database.db, context.now(), 1);
    bed.receiver.respond = () => 410;
    expect(await runWebhookRound(context, TEST_WORKER)).toMatchObject({ claimed: 1, dead: 1 });
    const [message] = bed.receiver.received;
    if (!message) throw new Error('nothing received');
    const headers = {
      'webhook-id': message.id,
      'webhook-timestamp': message.timestamp,
      'webhook-signature': message.signature,
    };
    expect(message.signature.split(' ')).toHaveLength(2);
    for (const secret of [oldSecret, rotated.value.secret])
      expect(new Webhook(secret).verify(message.body, headers)).toBeTruthy();
    const subscription = await bed.database.db
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([subscription.active, subscription.disabled_reason]).toEqual([false, 'gone']);
  });
});
