import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { GateSnapshot } from '../../domain/gates/gate-snapshot.js';
import type { Database } from '../schema.js';
import { insertJsonRows } from './json-rows.js';

/** What an audit event can be about. */
export const ENTITY_TYPES = [
  'account',
  'contact',
  'contract',
  'opportunity',
  'user',
  'session',
  'api_token',
  'activity',
  'playbook',
  'territory_model',
  'webhook_subscription',
  'webhook_delivery',
  'fx_rates',
  'quota',
  'forecast_call',
  'deal_snapshot',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface NewEvent {
  occurredAt: Date;
  actorId: string;
  requestId: string | null;
  entityType: EntityType;
  entityId: string;
  opportunityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
  gate: unknown;
  /** Instead of `gate`: a snapshot kept once by keepGateSnapshots (imports, where many deals share one). */
  gateSnapshotId?: string | null;
}

export interface StoredEvent extends Omit<NewEvent, 'gate'> {
  id: number;
  /** The gate snapshot, on stage changes. */
  gate: GateSnapshot | null;
}

/**
 * Appends an audit event and its outbox message (`{ eventId, action, entityType, entityId }` under the
 * action's topic) in one statement; call inside the transaction that made the change.
 */
export async function appendEvent(db: Kysely<Database>, event: NewEvent): Promise<number> {
  const [eventId] = await appendEvents(db, [event]);
  return eventId as number;
}

/** Appends many audit events and their outbox messages in one statement (imports, bulk changes), the events as one JSON parameter. */
export async function appendEvents(db: Kysely<Database>, events: readonly NewEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await db
    .with('event', () =>
      insertJsonRows(
        db,
        'events',
        events.map((event) => ({
          occurred_at: event.occurredAt,
          actor_id: event.actorId,
          request_id: event.requestId,
          entity_type: event.entityType,
          entity_id: event.entityId,
          opportunity_id: event.opportunityId,
          action: event.action,
          before: event.before ?? null,
          after: event.after ?? null,
          gate: event.gate ?? null,
          gate_snapshot_id: event.gateSnapshotId ?? null,
        })),
      ).returning(['id', 'action', 'entity_type', 'entity_id', 'occurred_at']),
    )
    .insertInto('outbox')
    .columns(['event_id', 'topic', 'payload', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('event')
        .select([
          'event.id',
          'event.action',
          sql<string>`jsonb_build_object('eventId', event.id, 'action', event.action, 'entityType', event.entity_type, 'entityId', event.entity_id)`.as(
            'payload',
          ),
          'event.occurred_at',
        ])
        .orderBy('event.id'),
    )
    .returning('event_id')
    .execute();
  return rows.map((row) => row.event_id);
}

/**
 * Keeps gate snapshots shared by many events, each under the SHA-256 of its JSON text (see gateSnapshotKey);
 * one already kept is left as it is (same key, same text).
 */
export async function keepGateSnapshots(
  db: Kysely<Database>,
  snapshots: ReadonlyArray<{ id: string; json: string }>,
): Promise<void> {
  if (snapshots.length === 0) return;
  await db
    .insertInto('gate_snapshots')
    .values(snapshots.map(({ id, json: snapshot }) => ({ id, snapshot })))
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/** The key a shared gate snapshot is kept under: the SHA-256 of its JSON text. */
export const gateSnapshotKey = (json: string) => createHash('sha256').update(json).digest('hex');

/** Events with their gate: their own, or the shared snapshot they point at. */
const eventsWithGate = (db: Kysely<Database>) =>
  db
    .selectFrom('events')
    .leftJoin('gate_snapshots', 'gate_snapshots.id', 'events.gate_snapshot_id')
    .selectAll('events')
    .select(
      sql<Selectable<Database['events']>['gate']>`coalesce(events.gate, gate_snapshots.snapshot)`.as('gate'),
    );

/** The history of one deal, oldest first, after event `afterId`. */
export async function listOpportunityEvents(
  db: Kysely<Database>,
  opportunityId: string,
  page: { limit: number; afterId?: number },
): Promise<StoredEvent[]> {
  let query = eventsWithGate(db).where('opportunity_id', '=', opportunityId);
  if (page.afterId !== undefined) query = query.where('events.id', '>', page.afterId);
  const rows = await query.orderBy('events.id').limit(page.limit).execute();
  return rows.map(toStoredEvent);
}

/** Events of the given actions for many deals at once, oldest first, grouped by deal. */
export async function listEventsOfDeals(
  db: Kysely<Database>,
  opportunityIds: readonly string[],
  actions: readonly string[],
): Promise<Map<string, StoredEvent[]>> {
  const grouped = new Map<string, StoredEvent[]>();
  if (opportunityIds.length === 0) return grouped;
  const rows = await eventsWithGate(db)
    .where('opportunity_id', 'in', [...opportunityIds])
    .where('action', 'in', [...actions])
    .orderBy('events.id')
    .execute();
  for (const row of rows) {
    const key = row.opportunity_id ?? '';
    grouped.set(key, [...(grouped.get(key) ?? []), toStoredEvent(row)]);
  }
  return grouped;
}

export function toStoredEvent(row: Selectable<Database['events']>): StoredEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    requestId: row.request_id,
    entityType: row.entity_type as NewEvent['entityType'],
    entityId: row.entity_id,
    opportunityId: row.opportunity_id,
    action: row.action,
    before: row.before,
    after: row.after,
    gate: row.gate as unknown as GateSnapshot | null,
  };
}
