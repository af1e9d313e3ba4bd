import type { StoredEvent } from '../../db/repositories/events-repo.js';
import type { HealthFacts } from '../../domain/inspection/health-facts.js';
import type { MeddpiccLevel, Playbook } from '../../domain/playbook/playbook.js';
import { elementsWithRoles } from '../../domain/playbook/roles.js';
import { levelRank } from '../../domain/qualification/meddpicc.js';

type Snapshot = Record<string, unknown> | null;
const field = (value: unknown, key: string) =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** The people a stakeholder change is about: the elements playing the champion and economic-buyer roles, by name. */
const people = (playbook: Playbook): ReadonlyMap<string, string> =>
  new Map(
    elementsWithRoles(playbook, ['champion', 'economic_buyer']).map((element) => [element.key, element.name]),
  );

/** Close-date changes, stakeholder changes and gate overrides, read from a deal's history. */
export function historySignals(
  playbook: Playbook,
  events: readonly StoredEvent[],
): Pick<HealthFacts, 'closeDateChanges' | 'stakeholderChanges' | 'overrides'> {
  const watched = people(playbook);
  const closeDateChanges: Array<HealthFacts['closeDateChanges'][number]> = [];
  const stakeholderChanges: Array<HealthFacts['stakeholderChanges'][number]> = [];
  const overrides: Array<HealthFacts['overrides'][number]> = [];
  for (const event of events) {
    const before = event.before as Snapshot;
    const after = event.after as Snapshot;
    if (event.action === 'opportunity.updated' && typeof field(after, 'closeDate') === 'string') {
      closeDateChanges.push({
        at: event.occurredAt,
        from: String(field(before, 'closeDate')),
        to: String(field(after, 'closeDate')),
      });
    }
    if (event.action === 'opportunity.meddpicc_updated' && before) {
      const element = String(field(after, 'element'));
      const who = watched.get(element);
      if (!who) continue;
      const contactBefore = field(before, 'contactId');
      const levelBefore = field(before, 'level') as MeddpiccLevel;
      const levelAfter = field(after, 'level') as MeddpiccLevel;
      if (contactBefore && contactBefore !== field(after, 'contactId')) {
        stakeholderChanges.push({ at: event.occurredAt, description: `${who} changed to another person.` });
      } else if (levelRank(levelAfter) < levelRank(levelBefore)) {
        stakeholderChanges.push({
          at: event.occurredAt,
          description: `${who} downgraded from ${levelBefore} to ${levelAfter}.`,
        });
      }
    }
    // Stage gates, and the type-vs-customer rule on create or type change.
    if (event.gate?.override) {
      const { by, justification } = event.gate.override;
      const typeFit = event.gate.kind === 'create' || event.gate.kind === 'type_change';
      overrides.push({ at: event.occurredAt, by, justification, to: event.gate.to, typeFit });
    }
  }
  return { closeDateChanges, stakeholderChanges, overrides };
}
