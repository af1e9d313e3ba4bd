import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SubscriptionSecrets } from '../../db/repositories/webhooks/subscriptions-repo.js';

/** A new signing secret as the Standard Webhooks spec has it: `whsec_` and base64 of 24 random bytes. */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * The `webhook-signature` header of a message: `v1,<base64 HMAC-SHA256>` by the standardwebhooks package's
 * Webhook.sign, with a second signature by the previous secret while a rotation's grace lasts (receivers
 * accept either, so they can switch secrets without losing a message).
 */
export function signMessage(
  secrets: SubscriptionSecrets,
  message: { id: string; at: Date; body: string },
): string {
  const keys = [secrets.secret];
  if (secrets.previousSecret && secrets.previousSecretUntil && secrets.previousSecretUntil > message.at) {
    keys.push(secrets.previousSecret);
  }
  return keys.map((key) => new Webhook(key).sign(message.id, message.at, message.body)).join(' ');
}

/** `webhook-timestamp`: the signing time in whole seconds since the epoch (what Webhook.sign signs). */
export const webhookTimestamp = (at: Date): string => String(Math.floor(at.getTime() / 1000));
