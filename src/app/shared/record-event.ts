import type { Kysely } from 'kysely';
import { appendEvent, type NewEvent } from '../../db/repositories/events-repo.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../context.js';

type EventFacts = Pick<NewEvent, 'entityType' | 'entityId' | 'action'> &
  Partial<Pick<NewEvent, 'opportunityId' | 'before' | 'after' | 'gate'>>;

/** Writes the audit/history event of a change, in the change's transaction. */
export function recordEvent(trx: Kysely<Database>, actor: Actor, at: Date, facts: EventFacts) {
  return appendEvent(trx, {
    occurredAt: at,
    actorId: actor.id,
    requestId: actor.requestId ?? null,
    opportunityId: facts.opportunityId ?? (facts.entityType === 'opportunity' ? facts.entityId : null),
    before: facts.before ?? null,
    after: facts.after ?? null,
    gate: facts.gate ?? null,
    entityType: facts.entityType,
    entityId: facts.entityId,
    action: facts.action,
  });
}

/** The fields that differ between two versions of a record, as {before, after}. */
export function diff<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const changed = (Object.keys(after) as Array<keyof T>).filter(
    (key) =>
      JSON.stringify(before[key]) !== JSON.stringify(after[key]) && key !== 'version' && key !== 'updatedAt',
  );
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])) as Partial<T>,
    after: Object.fromEntries(changed.map((key) => [key, after[key]])) as Partial<T>,
  };
}
