import { z } from 'zod';
import { ENVELOPE_EVENTS } from '../../domain/closing/envelope-status.js';
import { offerVersionOfEnvelope } from '../../domain/inbound/envelope-subject.js';
import {
  connectDedupKey,
  connectOccurredAt,
  type InboundEventFacts,
} from '../../domain/inbound/inbound-event.js';

const id = z.string().min(1).max(100);
const when = z.iso.datetime({ offset: true });

const textCustomField = z.looseObject({ name: z.string().max(200), value: z.string().max(2000).optional() });

/** The envelope summary Connect includes when the configuration asks for it (`includeData`). */
const envelopeSummary = z.looseObject({
  envelopeId: id.optional(),
  status: z.string().max(40).optional(),
  sentDateTime: when.optional(),
  deliveredDateTime: when.optional(),
  completedDateTime: when.optional(),
  declinedDateTime: when.optional(),
  voidedDateTime: when.optional(),
  customFields: z.looseObject({ textCustomFields: z.array(textCustomField).max(100).optional() }).optional(),
});

/**
 * A Connect message in the JSON SIM format (eventData.version restv2.1), as DocuSign documents it
 * ("JSON SIM event model", developers.docusign.com/platform/webhooks/connect/json-sim-event-model): the
 * event, the standard fields, and `data` about the envelope. Unknown fields are kept (the payload is stored
 * whole); the ones read here are checked.
 */
export const connectEventSchema = z.looseObject({
  event: z.enum(ENVELOPE_EVENTS),
  apiVersion: z.string().max(20),
  uri: z.string().max(2000),
  retryCount: z.union([z.number().int().min(0), z.string().regex(/^\d{1,6}$/)]),
  configurationId: z.union([z.number().int(), z.string().max(64)]),
  generatedDateTime: when,
  data: z.looseObject({
    accountId: id,
    envelopeId: id,
    recipientId: id.optional(),
    userId: id.optional(),
    envelopeSummary: envelopeSummary.optional(),
  }),
});
export type ConnectEvent = z.infer<typeof connectEventSchema>;

/** What Closepath keys, matches and orders a Connect message by. */
export function connectEventFacts(message: ConnectEvent): InboundEventFacts {
  const { data } = message;
  const occurredAt = connectOccurredAt(message.event, message.generatedDateTime, data.envelopeSummary);
  const named = offerVersionOfEnvelope(data.envelopeSummary?.customFields?.textCustomFields ?? []);
  return {
    source: 'docusign',
    dedupKey: connectDedupKey({
      event: message.event,
      envelopeId: data.envelopeId,
      recipientId: data.recipientId ?? null,
      occurredAt,
    }),
    eventType: message.event,
    occurredAt,
    subject: {
      externalId: data.envelopeId,
      offerId: named?.offerId ?? null,
      offerVersion: named?.offerVersion ?? null,
    },
  };
}
