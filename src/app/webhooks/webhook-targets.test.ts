import { describe, expect, it } from 'vitest';
import { admin, testContext } from '../../../test/support/factories.js';
import {
  LOOSE_TARGETS,
  openWebhookTestbed,
  subscribe,
  TEST_WORKER,
  writeOutboxEvents,
} from '../../../test/support/webhook-fixtures.js';
import { createWebhookSubscription } from './create-webhook-subscription.js';
import { getWebhookDelivery } from './list-webhook-deliveries.js';
import { updateWebhookSubscription } from './update-webhook-subscription.js';
import { runWebhookRound } from './webhook-worker.js';

const bed = openWebhookTestbed();

describe('webhook targets (SSRF)', () => {
  it.each([
    ['http://hooks.example.com/x', 'an https:// URL'],
    ['https://127.0.0.1/hook', 'refused: 127.0.0.1 is a loopback address'],
    ['https://169.254.169.254/latest/meta-data/', 'refused: 169.254.169.254 is a linkLocal address'],
    ['https://[fd00:ec2::254]/', 'refused: [fd00:ec2::254] is a uniqueLocal address'],
    ['https://10.0.0.8:8443/', 'refused: 10.0.0.8 is a private address'],
    ['https://localhost/hook', 'refused: localhost resolves to 127.0.0.1, a loopback address'],
    ['https://no-such-host.invalid/hook', 'no-such-host.invalid does not resolve (ENOTFOUND)'],
  ])('refuses %s at create by default, at body.url', async (url, message) => {
    const { context } = testContext(bed.database.db);
    context.webhookTargets = undefined; // the default: https to public addresses only
    const created = await createWebhookSubscription(context, admin(), { url, eventTypes: ['*'] });
    expect(created).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'validation_failed', issues: [{ path: 'url', message }] }),
    });
  });

  it('refuses a private URL on update too', async () => {
    const { context } = testContext(bed.database.db);
    context.webhookTargets = LOOSE_TARGETS;
    const { id } = await subscribe(context, bed.receiver.url, ['user.created']);
    context.webhookTargets = undefined;
    const updated = await updateWebhookSubscription(context, admin(), id, { url: 'https://192.168.0.1/x' });
    expect(updated.ok || updated.error.code).toBe('validation_failed');
  });

  it('refuses at delivery time when the rules no longer allow the target: logged, nothing sent', async () => {
    const { context } = testContext(bed.database.db);
    context.webhookTargets = LOOSE_TARGETS;
    const { id } = await subscribe(context, bed.receiver.url, ['account.updated']);
    await writeOutboxEvents(bed.database.db, context.now(), 1);
    // The server restarted without WEBHOOKS_ALLOW_PRIVATE_TARGETS: the loopback receiver is refused now.
    context.webhookTargets = { allowHttp: true, allowPrivateTargets: false };
    const round = await runWebhookRound(context, TEST_WORKER, () => 0);
    expect(round).toMatchObject({ claimed: 1, retrying: 1 });
    expect(bed.receiver.received).toEqual([]);
    const [row] = await bed.database.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('subscription_id', '=', id)
      .execute();
    const detail = await getWebhookDelivery(context, admin(), row?.id ?? '');
    expect(detail.ok && detail.value.attempts).toEqual([
      expect.objectContaining({ httpStatus: null, error: 'refused: 127.0.0.1 is a loopback address' }),
    ]);
  });

  it('checks the addresses a host name resolves to when it connects (DNS at delivery time)', async () => {
    const { context } = testContext(bed.database.db);
    context.webhookTargets = LOOSE_TARGETS;
    const { id } = await subscribe(context, bed.receiver.url.replace('127.0.0.1', 'localhost'), [
      'contact.created',
    ]);
    await writeOutboxEvents(bed.database.db, context.now(), 1, 'contact.created');
    context.webhookTargets = { allowHttp: true, allowPrivateTargets: false };
    await runWebhookRound(context, TEST_WORKER, () => 0);
    expect(bed.receiver.received).toEqual([]);
    const row = await bed.database.db
      .selectFrom('webhook_deliveries')
      .select('last_error')
      .where('subscription_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.last_error).toBe('refused: localhost resolves to 127.0.0.1, a loopback address');
  });
});
