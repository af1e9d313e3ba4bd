import type { Kysely } from 'kysely';
import { appendEvent, appendEvents, type NewEvent } from '../../db/repositories/events-repo.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../context.js';

type EventFacts = Pick<NewEvent, 'entityType' | 'entityId' | 'action'> &
  Partial<Pick<NewEvent, 'opportunityId' | 'before' | 'after' | 'gate'>>;

function eventOf(actor: Actor, at: Date, facts: EventFacts): NewEvent {
  return {
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
  };
}

/** Writes the audit/history event of a change, in the change's transaction. */
export function recordEvent(trx: Kysely<Database>, actor: Actor, at: Date, facts: EventFacts) {
  return appendEvent(trx, eventOf(actor, at, facts));
}

/** The events of many changes in one statement (each with its outbox row), in the changes' transaction. */
export function recordEvents(trx: Kysely<Database>, actor: Actor, at: Date, facts: readonly EventFacts[]) {
  return appendEvents(
    trx,
    facts.map((fact) => eventOf(actor, at, fact)),
  );
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
