import { replayDelivery } from '../../db/repositories/webhooks/deliveries-repo.js';
import { findDelivery, type WebhookDelivery } from '../../db/repositories/webhooks/delivery-log-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { refuseUnlessWebhookManager } from './require-webhook-right.js';

/**
 * Sends a delivered or dead message again: pending, due now, with a new retry budget and the same webhook-id
 * (receivers that de-duplicate by it see the same message). A pending one is a 409. Audited.
 */
export async function replayWebhookDelivery(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<WebhookDelivery, AppError>> {
  const refusal = refuseUnlessWebhookManager(actor, 'write');
  if (refusal) return err(refusal);
  const at = context.now();
  return context.db.transaction().execute(async (trx) => {
    const before = await findDelivery(trx, id);
    if (!before) return err(notFound('Webhook delivery', id));
    if (!(await replayDelivery(trx, id, at))) {
      return err({
        code: 'conflict',
        message: 'The delivery is pending: it will be sent; nothing to replay.',
      });
    }
    await recordEvent(trx, actor, at, {
      entityType: 'webhook_delivery',
      entityId: id,
      action: 'webhook_delivery.replayed',
      before: { status: before.status, attemptCount: before.attemptCount },
    });
    const after = await findDelivery(trx, id);
    return after ? ok(after) : err(notFound('Webhook delivery', id));
  });
}
