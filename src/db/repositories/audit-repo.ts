import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { NewEvent } from './events-repo.js';

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export interface AuditEvent {
  id: number;
  occurredAt: Date;
  actorId: string;
  requestId: string | null;
  entityType: NewEvent['entityType'];
  entityId: string;
  opportunityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** The audit log, newest first (by id: the order of commit), events with id below `beforeId`. */
export async function listAuditEvents(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { limit: number; beforeId?: number | undefined },
): Promise<AuditEvent[]> {
  let query = db
    .selectFrom('events')
    .select([
      'id',
      'occurred_at',
      'actor_id',
      'request_id',
      'entity_type',
      'entity_id',
      'opportunity_id',
      'action',
      'before',
      'after',
    ]);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map((row) => ({
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
  }));
}
