import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { type StoredEvent, toStoredEvent } from './events-repo.js';

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** An audit row without the gate snapshot (the deal history shows that). */
export type AuditEvent = Omit<StoredEvent, 'gate'>;

/** The audit log, newest first (by id: the order of commit), events with id below `beforeId`. */
export async function listAuditEvents(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { limit: number; beforeId?: number | undefined },
): Promise<AuditEvent[]> {
  let query = db.selectFrom('events').selectAll();
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map((row) => {
    const { gate: _gate, ...event } = toStoredEvent(row);
    return event;
  });
}
