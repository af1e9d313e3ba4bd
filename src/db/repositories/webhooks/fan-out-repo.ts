import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';

export interface OutboxMessage {
  outboxId: number;
  topic: string;
  payload: unknown;
  createdAt: Date;
}

/**
 * Up to `limit` outbox messages not yet fanned out, oldest first, locked for this transaction; rows another
 * process holds are skipped (FOR UPDATE SKIP LOCKED), so two processes never fan out one message.
 */
export async function claimOutboxBatch(db: Kysely<Database>, limit: number): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'topic', 'payload', 'created_at'])
    .where('delivered_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => ({
    outboxId: row.id,
    topic: row.topic,
    payload: row.payload,
    createdAt: row.created_at,
  }));
}

export interface NewDelivery {
  id: string;
  subscriptionId: string;
  outboxId: number;
  eventType: string;
  payload: unknown;
}

/** The deliveries of a batch (one per message × subscription; a second insert of one changes nothing). */
export async function insertDeliveries(db: Kysely<Database>, deliveries: readonly NewDelivery[], at: Date) {
  if (deliveries.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      deliveries.map((delivery) => ({
        id: delivery.id,
        subscription_id: delivery.subscriptionId,
        outbox_id: delivery.outboxId,
        event_type: delivery.eventType,
        payload: JSON.stringify(delivery.payload),
        status: 'pending' as const,
        next_attempt_at: at,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((conflict) => conflict.columns(['outbox_id', 'subscription_id']).doNothing())
    .execute();
}

/** Marks the batch's messages fanned out (`delivered_at`: handed to the webhook deliveries). */
export async function markFannedOut(db: Kysely<Database>, outboxIds: readonly number[], at: Date) {
  if (outboxIds.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ delivered_at: at })
    .where('id', 'in', [...outboxIds])
    .execute();
}
