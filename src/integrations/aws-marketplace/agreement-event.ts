import { z } from 'zod';
import { eventBridgeDedupKey, type InboundEventFacts } from '../../domain/inbound/inbound-event.js';
import { awsAccountId } from './aws-account-id.js';

export const AGREEMENT_EVENT_TYPES = [
  'Purchase Agreement Created - Proposer',
  'Purchase Agreement Amended - Proposer',
  'Purchase Agreement Ended - Proposer',
] as const;

const id = z.string().min(1).max(128);
const when = z.iso.datetime({ offset: true });

/**
 * An AWS Marketplace agreement event as EventBridge delivers it, in the shape the AWS Marketplace Seller
 * Guide documents ("Amazon EventBridge events" › "Events for agreements"): the EventBridge envelope (id,
 * detail-type, source aws.agreement-marketplace, time) and the detail (agreement, acceptor, proposer, offer).
 */
export const agreementEventSchema = z
  .looseObject({
    version: z.string().max(10),
    id,
    'detail-type': z.enum(AGREEMENT_EVENT_TYPES),
    source: z.literal('aws.agreement-marketplace'),
    account: awsAccountId,
    time: when,
    region: z.string().max(32),
    resources: z.array(z.string().max(2048)).max(100),
    detail: z.looseObject({
      requestId: id.optional(),
      catalog: z.string().max(64).optional(),
      agreement: z.looseObject({
        id,
        intent: z.string().max(32).optional(),
        status: z.string().max(32).optional(),
        acceptanceTime: when.optional(),
        startTime: when.optional(),
        endTime: when.optional(),
      }),
      acceptor: z.looseObject({ accountId: awsAccountId }),
      proposer: z.looseObject({ accountId: awsAccountId }),
      offer: z.looseObject({ id }),
      resaleAuthorization: z.looseObject({ id: id.nullable().optional() }).nullable().optional(),
    }),
  })
  .describe('An AWS Marketplace agreement event (EventBridge)');
export type AgreementEvent = z.infer<typeof agreementEventSchema>;

/** Keyed by the EventBridge event id; about the Marketplace offer it names (matched to ours when processed). */
export const agreementEventFacts = (event: AgreementEvent): InboundEventFacts => ({
  source: 'aws_marketplace',
  dedupKey: eventBridgeDedupKey(event.id),
  eventType: event['detail-type'],
  occurredAt: event.time,
  subject: { externalId: event.detail.offer.id, offerId: null, offerVersion: null },
});
