import { err, ok, type Result } from '../../domain/result.js';
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhooks/event-types.js';
import type { AppError } from '../app-error.js';
import type { Actor } from '../context.js';
import { refuseUnlessWebhookManager } from './require-webhook-right.js';

/** The event types a subscription can name (the catalogue every recorded action is in). */
export function listWebhookEventTypes(actor: Actor): Result<{ items: string[] }, AppError> {
  const refusal = refuseUnlessWebhookManager(actor, 'read');
  return refusal ? err(refusal) : ok({ items: [...WEBHOOK_EVENT_TYPES] });
}
