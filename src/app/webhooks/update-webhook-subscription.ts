import {
  lockSubscription,
  type SubscriptionChange,
  updateSubscription,
  type WebhookSubscription,
} from '../../db/repositories/webhooks/subscriptions-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { lockForWrite } from '../shared/lock-for-write.js';
import { diff, recordEvent } from '../shared/record-event.js';
import { targetProblem } from './check-target.js';
import { refuseUnlessWebhookManager } from './require-webhook-right.js';
import {
  normalizeEventTypes,
  type UpdateWebhookSubscriptionInput,
  updateWebhookSubscriptionInput,
} from './webhook-inputs.js';
import { targetRulesOf } from './webhook-settings.js';

/** The change an edit asks for: disabling says who disabled it (`admin`), enabling clears it. */
function changeOf(input: ReturnType<typeof updateWebhookSubscriptionInput.parse>): SubscriptionChange {
  return {
    ...(input.url !== undefined && { url: input.url }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.eventTypes !== undefined && { eventTypes: normalizeEventTypes(input.eventTypes) }),
    ...(input.active !== undefined && {
      active: input.active,
      disabledReason: input.active ? null : 'admin',
    }),
  };
}

/**
 * Edits a subscription (URL, event types, description) or disables / enables it. A new URL is checked as on
 * create, before the transaction; `active: false` is audited as `webhook_subscription.disabled`. Deliveries
 * of a disabled subscription wait (pending) until it is enabled again.
 */
export async function updateWebhookSubscription(
  context: AppContext,
  actor: Actor,
  id: string,
  input: UpdateWebhookSubscriptionInput,
  expectedVersion?: number,
): Promise<Result<WebhookSubscription, AppError>> {
  const refusal = refuseUnlessWebhookManager(actor, 'write');
  if (refusal) return err(refusal);
  const parsed = updateWebhookSubscriptionInput.parse(input);
  if (parsed.url !== undefined) {
    const problem = await targetProblem(parsed.url, targetRulesOf(context));
    if (problem) return err(invalid([{ path: 'url', message: problem }]));
  }
  const at = context.now();
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockForWrite(
      async () => (await lockSubscription(trx, id))?.subscription,
      'Webhook subscription',
      id,
      expectedVersion,
    );
    if (!locked.ok) return locked;
    const before = locked.value;
    const after = await updateSubscription(trx, id, changeOf(parsed), at);
    const changes = diff(before, after);
    if (Object.keys(changes.after).length === 0) return ok(before);
    await recordEvent(trx, actor, at, {
      entityType: 'webhook_subscription',
      entityId: id,
      action:
        before.active && !after.active ? 'webhook_subscription.disabled' : 'webhook_subscription.updated',
      before: changes.before,
      after: changes.after,
    });
    return ok(after);
  });
}
