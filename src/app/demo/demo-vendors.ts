import type { JsonValue } from '../../db/schema.js';
import { ok } from '../../domain/result.js';
import {
  agreementEventFacts,
  agreementEventSchema,
} from '../../integrations/aws-marketplace/agreement-event.js';
import { connectEventFacts, connectEventSchema } from '../../integrations/docusign/connect-event.js';
import type { AppContext } from '../context.js';
import type { ESignature } from '../integrations/e-signature.js';
import type { PrivateOffers } from '../integrations/private-offers.js';
import { processInboundEvents } from '../integrations/process-inbound-events.js';
import { recordInboundEvent } from '../integrations/record-inbound-event.js';

/**
 * The demo seed's vendors. The demo has no DocuSign or AWS account, so the seed's ports make up envelope ids
 * and change sets, and the vendors' answers are generated in their documented shapes (parsed by the same
 * schemas the receivers use) and go through the same storage and processing as real ones: the seed's won
 * deals were won on evidence, as real ones are. Used by the seed only; a server talks to the real adapters.
 */
export function demoVendorPorts(context: AppContext): {
  eSignature: ESignature;
  privateOffers: PrivateOffers;
} {
  const offers = new Map<string, string>();
  const changeSet = () => {
    const changeSetId = context.newId('cs');
    const changeSetArn = `arn:aws:aws-marketplace:us-east-1:000000000000:AWSMarketplace/ChangeSet/${changeSetId}`;
    return { changeSetId, changeSetArn };
  };
  return {
    eSignature: {
      setup: { configured: true },
      sendEnvelope: async () => ok({ envelopeId: context.newId('env'), status: 'sent', statusAt: null }),
    },
    privateOffers: {
      setup: { configured: true },
      createPrivateOffer: async () => {
        const made = changeSet();
        offers.set(made.changeSetId, context.newId('offer'));
        return ok(made);
      },
      releasePrivateOffer: async () => ok(changeSet()),
      describeChangeSet: async (changeSetId) =>
        ok({ status: 'SUCCEEDED', offerId: offers.get(changeSetId) ?? null, failure: null }),
    },
  };
}

/** DocuSign Connect reporting the envelope `event` (envelope-sent, -delivered, -completed) now. */
export async function demoConnectEvent(context: AppContext, envelopeId: string, event: string) {
  const at = context.now().toISOString();
  const status = event.replace('envelope-', '');
  const message = connectEventSchema.parse({
    event,
    apiVersion: 'v2.1',
    uri: `/restapi/v2.1/accounts/demo/envelopes/${envelopeId}`,
    retryCount: 0,
    configurationId: 1,
    generatedDateTime: at,
    data: {
      accountId: 'demo',
      envelopeId,
      envelopeSummary: { envelopeId, status, statusChangedDateTime: at },
    },
  });
  await recordInboundEvent(context, connectEventFacts(message), message as unknown as JsonValue);
  await processInboundEvents(context);
}

const seconds = (at: Date) => at.toISOString().replace(/\.\d+Z$/, 'Z');

/** AWS Marketplace (EventBridge): the buyer's account accepted `marketplaceOfferId` now, the agreement starting `startsOn`. */
export async function demoAgreementCreated(
  context: AppContext,
  marketplaceOfferId: string,
  buyer: string,
  startsOn: Date,
) {
  const at = seconds(context.now());
  const startTime = seconds(startsOn);
  const agreementId = context.newId('agmt').replace(/_/g, '-');
  const event = agreementEventSchema.parse({
    version: '0',
    id: context.newId('evt'),
    'detail-type': 'Purchase Agreement Created - Proposer',
    source: 'aws.agreement-marketplace',
    account: '000000000000',
    time: at,
    region: 'us-east-1',
    resources: [`arn:aws:aws-marketplace::aws:agreement:${agreementId}`],
    detail: {
      agreement: { id: agreementId, status: 'ACTIVE', acceptanceTime: at, startTime },
      acceptor: { accountId: buyer },
      proposer: { accountId: '000000000000' },
      offer: { id: marketplaceOfferId },
    },
  });
  await recordInboundEvent(context, agreementEventFacts(event), event as unknown as JsonValue);
  await processInboundEvents(context);
}
