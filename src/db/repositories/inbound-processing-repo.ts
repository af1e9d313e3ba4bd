import type { Kysely } from 'kysely';
import type { Database, JsonValue } from '../schema.js';

export interface ClaimedInboundEvent {
  id: string;
  source: string;
  eventType: string;
  occurredAt: Date;
  externalId: string;
  payload: JsonValue;
}

/**
 * Takes one unprocessed event, oldest by its own time, locking its row; rows another transaction holds are
 * skipped (FOR UPDATE SKIP LOCKED), so two processes never process one event at the same time.
 */
export async function claimUnprocessedEvent(
  trx: Kysely<Database>,
  afterIds: readonly string[],
): Promise<ClaimedInboundEvent | undefined> {
  let query = trx
    .selectFrom('inbound_events')
    .select(['id', 'source', 'event_type', 'occurred_at', 'external_id', 'payload'])
    .where('processed_at', 'is', null);
  if (afterIds.length > 0) query = query.where('id', 'not in', afterIds);
  const row = await query
    .orderBy('occurred_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      source: row.source,
      eventType: row.event_type,
      occurredAt: row.occurred_at,
      externalId: row.external_id,
      payload: row.payload,
    }
  );
}

export async function markInboundEventProcessed(
  trx: Kysely<Database>,
  id: string,
  at: Date,
  outcome: string,
): Promise<void> {
  await trx.updateTable('inbound_events').set({ processed_at: at, outcome }).where('id', '=', id).execute();
}

/** The offer whose version holds this envelope or Marketplace offer (unique columns of migration 015). */
export async function findOfferIdByVendorId(
  db: Kysely<Database>,
  column: 'envelope_id' | 'marketplace_offer_id',
  externalId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('offer_versions')
    .select('offer_id')
    .where(column, '=', externalId)
    .executeTakeFirst();
  return row?.offer_id;
}

/** Every Connect event of an envelope on file (processed or not), with its payload. */
export async function listEnvelopeEvents(db: Kysely<Database>, envelopeId: string) {
  return db
    .selectFrom('inbound_events')
    .select(['event_type', 'occurred_at', 'payload'])
    .where('source', '=', 'docusign')
    .where('external_id', '=', envelopeId)
    .execute();
}
