import {
  listSubscriptions,
  type WebhookSubscription,
} from '../../db/repositories/webhooks/subscriptions-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';
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
  const cursor = decodeCursor(query.cursor, ['serial', 'text']);
  if (!cursor.ok) return err(cursor.error);
  const [createdAt, id] = cursor.value ?? [];
  const after = cursor.value ? { createdAt: new Date(Number(createdAt)), id: String(id) } : undefined;
  const rows = await listSubscriptions(context.db, { limit: query.limit + 1, after });
  return ok(toPage(rows, query.limit, (row) => [row.createdAt.getTime(), row.id]));
}
