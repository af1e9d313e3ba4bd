import type { EnvelopeEvent } from '../closing/envelope-status.js';

/**
 * An event a vendor sent us, reduced to what Closepath keys, matches and orders it by. Pure data: the HTTP
 * shell has verified and parsed it; the store keeps the payload beside it.
 */
export type InboundSource = 'docusign' | 'aws_marketplace';

/** What an event is about: the offer version it names (when it names one) and the vendor's own object. */
export interface InboundSubject {
  /** The envelope id (DocuSign) or the Marketplace offer id (AWS). */
  externalId: string;
  offerId: string | null;
  offerVersion: number | null;
}

export interface InboundEventFacts {
  source: InboundSource;
  /** Equal for every delivery of the same fact: retries, replays and a second subscription share it. */
  dedupKey: string;
  eventType: string;
  /** When it happened by the vendor's clock (ISO 8601 as sent), the order events are processed in. */
  occurredAt: string;
  subject: InboundSubject;
}

/** The Connect fields a delivery is known by. */
export interface ConnectDelivery {
  event: EnvelopeEvent;
  envelopeId: string;
  recipientId: string | null;
  /** The time of the status change the event reports (see connectOccurredAt). */
  occurredAt: string;
}

/**
 * A Connect delivery's de-duplication key. A retry resends the same message (only `retryCount` grows), and
 * the same status change reaches us once per Connect configuration listening (an envelope's own
 * eventNotification and an account-level one); neither `retryCount` nor `configurationId` is part of the key.
 * What is unique is the fact: this envelope (this recipient) reached this status at this time.
 */
export const connectDedupKey = (delivery: ConnectDelivery): string =>
  [delivery.envelopeId, delivery.event, delivery.recipientId ?? '', delivery.occurredAt].join('|');

/** The envelope summary's time field of each envelope event's status. */
const STATUS_TIME_FIELD = {
  'envelope-sent': 'sentDateTime',
  'envelope-delivered': 'deliveredDateTime',
  'envelope-completed': 'completedDateTime',
  'envelope-declined': 'declinedDateTime',
  'envelope-voided': 'voidedDateTime',
  'recipient-completed': null,
} as const satisfies Record<EnvelopeEvent, string | null>;

/**
 * When the reported change happened: the envelope summary's own time of that status when the message
 * carries it (the same in every configuration's message), else the message's `generatedDateTime`.
 */
export function connectOccurredAt(
  event: EnvelopeEvent,
  generatedDateTime: string,
  summary: Readonly<Record<string, unknown>> | undefined,
): string {
  const field = STATUS_TIME_FIELD[event];
  const value = field && summary ? summary[field] : undefined;
  return typeof value === 'string' && value.length > 0 ? value : generatedDateTime;
}

/** An EventBridge event's id is unique per event; a redelivery or a replayed archive keeps it. */
export const eventBridgeDedupKey = (eventId: string): string => eventId;
