import { formatDateTime } from '../../shared/format';
import { words } from '../../shared/words';
import { asFields, contactList, type EventWordsOf, quoted } from './history-context';

const KIND_NAMES: Record<string, string> = { call: 'Call', meeting: 'Meeting', email: 'Email', note: 'Note' };
const kindName = (kind: unknown) => KIND_NAMES[String(kind)] ?? 'Activity';

/** A call, meeting, email or note logged, changed or deleted, in words. */
export const activityWords: EventWordsOf = (event, context) => {
  const before = asFields(event.before);
  const after = asFields(event.after);
  const kind = kindName(after.kind ?? before.kind ?? context.activityKindOf?.(event.entityId));
  switch (event.action) {
    case 'activity.logged': {
      const contacts = contactList(after.contactIds, context);
      const when = after.occurredAt ? formatDateTime(String(after.occurredAt)) : null;
      return {
        title: `${kind} logged: ${quoted(after.summary)}`,
        lines: [[when, contacts ? `with ${contacts}` : null].filter(Boolean).join(' · ')].filter(Boolean),
      };
    }
    case 'activity.updated': {
      const lines = Object.keys(after).map((key) => {
        switch (key) {
          case 'kind':
            return `Kind ${kindName(before.kind)} → ${kindName(after.kind)}`;
          case 'occurredAt':
            return `When ${before.occurredAt ? formatDateTime(String(before.occurredAt)) : '—'} → ${after.occurredAt ? formatDateTime(String(after.occurredAt)) : '—'}`;
          case 'summary':
            return `Summary ${quoted(before.summary)} → ${quoted(after.summary)}`;
          case 'contactIds':
            return `Contacts ${contactList(before.contactIds, context) || '—'} → ${contactList(after.contactIds, context) || '—'}`;
          case 'userIds':
            return `People ${Array.isArray(before.userIds) ? before.userIds.map((id) => context.nameOf(String(id))).join(', ') : '—'} → ${Array.isArray(after.userIds) ? after.userIds.map((id) => context.nameOf(String(id))).join(', ') : '—'}`;
          case 'link':
            return `Link ${String(before.link ?? '—')} → ${String(after.link ?? '—')}`;
          default:
            return `${words(key)} changed`;
        }
      });
      return { title: `${kind} changed`, lines };
    }
    case 'activity.deleted':
      return { title: `${kind} deleted: ${quoted(before.summary)}`, lines: [] };
    default:
      return { title: words(event.action.split('.')[1] ?? event.action), lines: [] };
  }
};
