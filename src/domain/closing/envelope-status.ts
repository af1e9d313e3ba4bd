/**
 * A DocuSign envelope's status as Closepath knows it from the Connect events it received. Deliveries are
 * retried and arrive out of order, so the status is a fold over the events by their own time, never by
 * arrival: it only moves forward (sent → delivered → a final status), and a final status (completed,
 * declined, voided) never changes. Pure: the same events in any order, duplicated or not, give one answer.
 */
export const ENVELOPE_EVENTS = [
  'envelope-sent',
  'envelope-delivered',
  'envelope-completed',
  'envelope-declined',
  'envelope-voided',
  'recipient-completed',
] as const;
export type EnvelopeEvent = (typeof ENVELOPE_EVENTS)[number];

export type EnvelopeStatus = 'sent' | 'delivered' | 'completed' | 'declined' | 'voided';

/** The envelope status each envelope-level event reports; recipient events say nothing about the envelope. */
const STATUS_OF = {
  'envelope-sent': 'sent',
  'envelope-delivered': 'delivered',
  'envelope-completed': 'completed',
  'envelope-declined': 'declined',
  'envelope-voided': 'voided',
  'recipient-completed': null,
} as const satisfies Record<EnvelopeEvent, EnvelopeStatus | null>;

/** How far along each status is; the three final ones share the last rank. */
const RANK = { sent: 1, delivered: 2, completed: 3, declined: 3, voided: 3 } as const satisfies Record<
  EnvelopeStatus,
  number
>;

export const isFinalEnvelopeStatus = (status: EnvelopeStatus): boolean => RANK[status] === 3;

export interface EnvelopeEventFact {
  event: EnvelopeEvent;
  /** When it happened by the event's own clock (epoch milliseconds), not when it reached us. */
  occurredAtMs: number;
}

/** Earlier first; at the same instant the further status first, so a tie never depends on arrival. */
function byOccurrence(a: { at: number; status: EnvelopeStatus }, b: { at: number; status: EnvelopeStatus }) {
  return a.at - b.at || RANK[b.status] - RANK[a.status] || a.status.localeCompare(b.status);
}

/** The envelope's latest-known status after these events (null when none of them is an envelope event). */
export function envelopeStatusAfter(events: readonly EnvelopeEventFact[]): EnvelopeStatus | null {
  const facts = events
    .flatMap((fact) => {
      const status = STATUS_OF[fact.event];
      return status ? [{ at: fact.occurredAtMs, status }] : [];
    })
    .sort(byOccurrence);
  let current: EnvelopeStatus | null = null;
  for (const { status } of facts) {
    if (current && (isFinalEnvelopeStatus(current) || RANK[status] <= RANK[current])) continue;
    current = status;
  }
  return current;
}
