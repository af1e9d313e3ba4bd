import {
  insertSubscription,
  type WebhookSubscription,
} from '../../db/repositories/webhooks/subscriptions-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { targetProblem } from './check-target.js';
import { refuseUnlessWebhookManager } from './require-webhook-right.js';
import {
  type CreateWebhookSubscriptionInput,
  createWebhookSubscriptionInput,
  normalizeEventTypes,
} from './webhook-inputs.js';
import { generateWebhookSecret } from './webhook-secret.js';
import { targetRulesOf } from './webhook-settings.js';

export interface CreatedWebhookSubscription {
  subscription: WebhookSubscription;
  /** The signing secret (whsec_…): shown in this answer only. */
  secret: string;
}

/**
 * A webhook manager subscribes a URL to event types. The target is checked (scheme, and every address the
 * host resolves to) before the transaction opens; the secret is made here and audited by its absence.
 */
export async function createWebhookSubscription(
  context: AppContext,
  actor: Actor,
  input: CreateWebhookSubscriptionInput,
): Promise<Result<CreatedWebhookSubscription, AppError>> {
  const refusal = refuseUnlessWebhookManager(actor, 'write');
  if (refusal) return err(refusal);
  const parsed = createWebhookSubscriptionInput.parse(input);
  const problem = await targetProblem(parsed.url, targetRulesOf(context));
  if (problem) return err(invalid([{ path: 'url', message: problem }]));
  const at = context.now();
  const subscription: WebhookSubscription = {
    id: context.newId('whsub'),
    url: parsed.url,
    description: parsed.description ?? null,
    eventTypes: normalizeEventTypes(parsed.eventTypes),
    active: true,
    disabledReason: null,
    previousSecretUntil: null,
    createdBy: actor.id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const secret = generateWebhookSecret();
  return context.db.transaction().execute(async (trx) => {
    await insertSubscription(trx, subscription, secret);
    await recordEvent(trx, actor, at, {
      entityType: 'webhook_subscription',
      entityId: subscription.id,
      action: 'webhook_subscription.created',
      after: {
        url: subscription.url,
        eventTypes: subscription.eventTypes,
        description: subscription.description,
      },
    });
    return ok({ subscription, secret });
  });
}
