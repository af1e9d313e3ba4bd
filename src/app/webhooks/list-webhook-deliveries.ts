import {
  findDelivery,
  listAttempts,
  listDeliveries,
  type WebhookAttempt,
  type WebhookDelivery,
} from '../../db/repositories/webhooks/delivery-log-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { createdAtKey, decodeCreatedAtCursor, type Page, toPage } from '../shared/cursor.js';
import { refuseUnlessWebhookManager } from './require-webhook-right.js';
import type { WebhookDeliveryListQuery } from './webhook-inputs.js';

/** The delivery log, newest first, by status and subscription. */
export async function listWebhookDeliveries(
  context: AppContext,
  actor: Actor,
  query: WebhookDeliveryListQuery,
): Promise<Result<Page<WebhookDelivery>, AppError>> {
  const refusal = refuseUnlessWebhookManager(actor, 'read');
  if (refusal) return err(refusal);
  const before = decodeCreatedAtCursor(query.cursor);
  if (!before.ok) return err(before.error);
  const rows = await listDeliveries(
    context.db,
    { status: query.status, subscriptionId: query.subscriptionId },
    { limit: query.limit + 1, before: before.value },
  );
  return ok(toPage(rows, query.limit, createdAtKey));
}

export interface WebhookDeliveryWithAttempts extends WebhookDelivery {
  attempts: WebhookAttempt[];
}

/** One delivery with its attempts (the latest 100), oldest first. */
export async function getWebhookDelivery(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<WebhookDeliveryWithAttempts, AppError>> {
  const refusal = refuseUnlessWebhookManager(actor, 'read');
  if (refusal) return err(refusal);
  const delivery = await findDelivery(context.db, id);
  if (!delivery) return err(notFound('Webhook delivery', id));
  return ok({ ...delivery, attempts: await listAttempts(context.db, id) });
}
