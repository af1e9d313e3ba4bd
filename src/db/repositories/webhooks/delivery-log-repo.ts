import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookDeliveryStatus } from '../../schema.js';

/** The body a receiver gets. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** A delivery as the log shows it. `id` is the webhook-id the receiver got. */
export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  outboxId: number;
  eventType: string;
  payload: WebhookPayload;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  /** While an attempt is in flight: until when its worker holds it. */
  leaseUntil: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
}

export interface WebhookAttempt {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  error: string | null;
  responseSnippet: string | null;
}

function toDelivery(row: Selectable<Database['webhook_deliveries']>): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    outboxId: Number(row.outbox_id),
    eventType: row.event_type,
    payload: row.payload as unknown as WebhookPayload,
    status: row.status,
    attemptCount: row.attempt_count,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    leaseUntil: row.lease_until,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deliveredAt: row.delivered_at,
  };
}

/** Newest first, filtered by status and subscription, before the keyset `before` (created_at, id). */
export async function listDeliveries(
  db: Kysely<Database>,
  filter: { status?: WebhookDeliveryStatus | undefined; subscriptionId?: string | undefined },
  page: { limit: number; before?: { createdAt: Date; id: string } | undefined },
): Promise<WebhookDelivery[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.subscriptionId) query = query.where('subscription_id', '=', filter.subscriptionId);
  const before = page.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', before.createdAt),
        eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(toDelivery);
}

export async function findDelivery(db: Kysely<Database>, id: string): Promise<WebhookDelivery | undefined> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDelivery(row) : undefined;
}

/** The delivery's attempts, oldest first (at most `limit`: the newest ones). */
export async function listAttempts(db: Kysely<Database>, deliveryId: string, limit = 100) {
  const rows = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map(
    (row): WebhookAttempt => ({
      attempt: row.attempt,
      startedAt: row.started_at,
      durationMs: row.duration_ms,
      httpStatus: row.http_status,
      error: row.error,
      responseSnippet: row.response_snippet,
    }),
  );
}
