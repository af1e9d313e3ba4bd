import type { ESignature } from '../app/integrations/e-signature.js';
import type { PrivateOffers } from '../app/integrations/private-offers.js';
import { marketplacePrivateOffers } from './aws-marketplace/marketplace-private-offers.js';
import { readMarketplaceSettings } from './aws-marketplace/marketplace-settings.js';
import { docusignESignature } from './docusign/docusign-e-signature.js';
import { readDocusignSettings } from './docusign/docusign-settings.js';
import { type InboundSettings, readInboundSettings } from './inbound-settings.js';

export interface Integrations {
  eSignature: ESignature;
  privateOffers: PrivateOffers;
  inbound: InboundSettings;
  /** One line per integration for the start-up log: configured, or the variables to set. */
  summary: string[];
}

/**
 * The vendor adapters from the environment. An integration that is not configured is still a port: each call
 * answers `integration_not_configured` with the variables to set. Bad inbound secrets stop the start.
 */
export function openIntegrations(env: NodeJS.ProcessEnv, now: () => Date): Integrations {
  const docusign = readDocusignSettings(env);
  const marketplace = readMarketplaceSettings(env);
  const inbound = readInboundSettings(env);
  const state = (configuration: { configured: true } | { configured: false; variables: string[] }) =>
    configuration.configured ? 'configured' : `not configured (set ${configuration.variables.join(', ')})`;
  return {
    eSignature: docusignESignature(docusign, now),
    privateOffers: marketplacePrivateOffers(marketplace),
    inbound,
    summary: [
      `DocuSign sending: ${state(docusign)}`,
      `DocuSign Connect receiver: ${inbound.docusignConnectHmacKeys.length} HMAC key(s)`,
      `AWS Marketplace offers: ${state(marketplace)}`,
      `AWS Marketplace events receiver: ${inbound.awsEventsSecrets.length} secret(s) in ${inbound.awsEventsHeaderName}`,
    ],
  };
}
