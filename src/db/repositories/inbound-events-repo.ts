import type { Kysely } from 'kysely';
import type { InboundEventFacts } from '../../domain/inbound/inbound-event.js';
import type { Database, JsonValue } from '../schema.js';

export interface NewInboundEvent extends InboundEventFacts {
  id: string;
  payload: JsonValue;
  receivedAt: Date;
}

/**
 * Stores the event unless one with its (source, dedup key) is there: one statement, so that concurrent
 * duplicates race on the unique index and all but one insert nothing. True when this call stored it.
 */
export async function insertInboundEventOnce(db: Kysely<Database>, event: NewInboundEvent): Promise<boolean> {
  const inserted = await db
    .insertInto('inbound_events')
    .values({
      id: event.id,
      source: event.source,
      dedup_key: event.dedupKey,
      event_type: event.eventType,
      occurred_at: new Date(event.occurredAt),
      external_id: event.subject.externalId,
      offer_id: event.subject.offerId,
      offer_version: event.subject.offerVersion,
      payload: JSON.stringify(event.payload),
      received_at: event.receivedAt,
    })
    .onConflict((conflict) => conflict.columns(['source', 'dedup_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface StoredInboundEvent {
  id: string;
  eventType: string;
  occurredAt: Date;
  receivedAt: Date;
  processedAt: Date | null;
}

/** The events of one vendor object (an envelope, a Marketplace offer), by their own time. */
export async function listInboundEventsFor(
  db: Kysely<Database>,
  source: InboundEventFacts['source'],
  externalId: string,
): Promise<StoredInboundEvent[]> {
  const rows = await db
    .selectFrom('inbound_events')
    .select(['id', 'event_type', 'occurred_at', 'received_at', 'processed_at'])
    .where('source', '=', source)
    .where('external_id', '=', externalId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventType: row.event_type,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    processedAt: row.processed_at,
  }));
}
