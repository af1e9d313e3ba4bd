import { lockSubscription, updateSubscription } from '../../db/repositories/webhooks/subscriptions-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { lockForWrite } from '../shared/lock-for-write.js';
import { recordEvent } from '../shared/record-event.js';
import type { CreatedWebhookSubscription } from './create-webhook-subscription.js';
import { refuseUnlessWebhookManager } from './require-webhook-right.js';
import { generateWebhookSecret } from './webhook-secret.js';

/** How long messages also carry a signature by the old secret after a rotation. */
export const SECRET_ROTATION_GRACE_MS = 24 * 3_600_000;

/**
 * A new signing secret, shown once. For a day messages carry two signatures (new and old secret), so the
 * receiver can switch to the new one without refusing a message; audited without either secret.
 */
export async function rotateWebhookSecret(
  context: AppContext,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<Result<CreatedWebhookSubscription, AppError>> {
  const refusal = refuseUnlessWebhookManager(actor, 'write');
  if (refusal) return err(refusal);
  const at = context.now();
  return context.db.transaction().execute(async (trx) => {
    let current: string | undefined;
    const locked = await lockForWrite(
      async () => {
        const found = await lockSubscription(trx, id);
        current = found?.secrets.secret;
        return found?.subscription;
      },
      'Webhook subscription',
      id,
      expectedVersion,
    );
    if (!locked.ok) return locked;
    const secret = generateWebhookSecret();
    const previousSecretUntil = new Date(at.getTime() + SECRET_ROTATION_GRACE_MS);
    const subscription = await updateSubscription(
      trx,
      id,
      { secret, previousSecret: current ?? null, previousSecretUntil },
      at,
    );
    await recordEvent(trx, actor, at, {
      entityType: 'webhook_subscription',
      entityId: id,
      action: 'webhook_subscription.secret_rotated',
      after: { previousSecretUntil: previousSecretUntil.toISOString() },
    });
    return ok({ subscription, secret });
  });
}
