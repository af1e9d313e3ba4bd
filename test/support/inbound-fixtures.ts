import type { InjectOptions } from 'fastify';
import { connectSignatureOf } from '../../src/integrations/docusign/connect-signature.js';
import type { InboundSettings } from '../../src/integrations/inbound-settings.js';

export const CONNECT_PATH = '/api/v1/integrations/docusign/connect';
export const AWS_EVENTS_PATH = '/api/v1/integrations/aws-marketplace/events';

/** Two keys each: the second is the one rotated in. */
export const INBOUND: InboundSettings = {
  docusignConnectHmacKeys: ['connect-key-old-0123456789abcdef', 'connect-key-new-fedcba9876543210'],
  awsEventsHeaderName: 'x-closepath-events-key',
  awsEventsSecrets: ['events-secret-old-0123456789', 'events-secret-new-9876543210'],
};

/**
 * An envelope-completed message in the JSON SIM shape DocuSign documents (developers.docusign.com,
 * "JSON SIM event model"), with the custom fields Closepath's adapter sets; ids are made up.
 */
export function connectMessage(overrides: { event?: string; envelopeId?: string; at?: string } = {}) {
  const at = overrides.at ?? '2026-03-02T10:15:30.0000000Z';
  const envelopeId = overrides.envelopeId ?? '93be49e8-6f2a-4d1b-9c6e-2f0d3f8a1b77';
  return {
    event: overrides.event ?? 'envelope-completed',
    apiVersion: 'v2.1',
    uri: `/restapi/v2.1/accounts/1a2b3c4d/envelopes/${envelopeId}`,
    retryCount: 0,
    configurationId: 10501234,
    generatedDateTime: at,
    data: {
      accountId: '1a2b3c4d-0000-0000-0000-000000000000',
      userId: '5e6f7a8b-0000-0000-0000-000000000000',
      envelopeId,
      envelopeSummary: {
        envelopeId,
        status: 'completed',
        emailSubject: 'Please sign quote Q-2026-0007',
        completedDateTime: at,
        customFields: {
          textCustomFields: [
            { name: 'closepathOfferId', value: 'off_0001' },
            { name: 'closepathOfferVersion', value: '2' },
            { name: 'closepathQuoteNumber', value: 'Q-2026-0007' },
          ],
        },
      },
    },
  };
}

/**
 * A `Purchase Agreement Created - Proposer` event in the shape the AWS Marketplace Seller Guide documents
 * ("Amazon EventBridge events", events for agreements); ids are made up.
 */
export function agreementEvent(overrides: { id?: string; type?: string; offerId?: string } = {}) {
  return {
    version: '0',
    id: overrides.id ?? '12345678-1234-1234-1234-123456789012',
    'detail-type': overrides.type ?? 'Purchase Agreement Created - Proposer',
    source: 'aws.agreement-marketplace',
    account: '123456512334',
    time: '2026-03-03T21:36:03Z',
    region: 'us-east-1',
    resources: ['arn:aws:aws-marketplace::aws:agreement:agmt-4mwg1nevbokzw95eca5797ixs'],
    detail: {
      requestId: '3d4c9f9b-b809-4f5e-9fac-a9ae98b05cbb',
      catalog: 'AWSMarketplace',
      agreement: {
        id: 'agmt-4mwg1nevbokzw95eca5797ixs',
        intent: 'NEW',
        status: 'ACTIVE',
        acceptanceTime: '2026-03-03T21:36:03Z',
        startTime: '2026-03-03T21:36:03Z',
        endTime: '2027-03-03T21:36:03Z',
      },
      resaleAuthorization: { id: null },
      acceptor: { accountId: '845735284135' },
      proposer: { accountId: '123456512334' },
      offer: { id: overrides.offerId ?? 'offer-1234567890123' },
    },
  };
}

/** A Connect delivery: the body as bytes and the signature headers of the keys given (key 1 → header 1 …). */
export function signedConnect(body: string | Buffer, keys: readonly string[]): InjectOptions {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  keys.forEach((key, index) => {
    headers[`x-docusign-signature-${index + 1}`] = connectSignatureOf(bytes, key);
  });
  return { method: 'POST', url: CONNECT_PATH, headers, payload: bytes };
}

export function keyedAwsEvent(body: string | Buffer, secret: string | undefined): InjectOptions {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== undefined) headers[INBOUND.awsEventsHeaderName] = secret;
  return { method: 'POST', url: AWS_EVENTS_PATH, headers, payload: body };
}
