import {
  listSubscriptions,
  type WebhookSubscription,
} from '../../db/repositories/webhooks/subscriptions-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { createdAtKey, decodeCreatedAtCursor, type Page, toPage } from '../shared/cursor.js';
import { refuseUnlessWebhookManager } from './require-webhook-right.js';
import type { WebhookSubscriptionListQuery } from './webhook-inputs.js';

/** Subscriptions, oldest first, disabled ones included; never their secrets. */
export async function listWebhookSubscriptions(
  context: AppContext,
  actor: Actor,
  query: WebhookSubscriptionListQuery,
): Promise<Result<Page<WebhookSubscription>, AppError>> {
  const refusal = refuseUnlessWebhookManager(actor, 'read');
  if (refusal) return err(refusal);
  const after = decodeCreatedAtCursor(query.cursor);
  if (!after.ok) return err(after.error);
  const rows = await listSubscriptions(context.db, { limit: query.limit + 1, after: after.value });
  return ok(toPage(rows, query.limit, createdAtKey));
}
