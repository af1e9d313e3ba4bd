import type { AppContext } from '../context.js';
import type { ESignature } from './e-signature.js';
import { notConfigured } from './integration-error.js';
import type { PrivateOffers } from './private-offers.js';

/** The `docs/integrations.md` answer when the server was started without any ports (a test, a script). */
const unsetVariables = (prefix: string) => [`${prefix}* (see docs/integrations.md)`];
const unset = (integration: 'docusign' | 'aws_marketplace', prefix: string) =>
  Promise.resolve({ ok: false as const, error: notConfigured(integration, unsetVariables(prefix)) });
const unsetSetup = (prefix: string) => ({
  configured: false as const,
  variables: unsetVariables(prefix),
  reasons: [],
});

/** The e-signature port of this server; absent, every call answers `integration_not_configured`. */
export const eSignatureOf = (context: AppContext): ESignature =>
  context.integrations?.eSignature ?? {
    setup: unsetSetup('DOCUSIGN_'),
    sendEnvelope: () => unset('docusign', 'DOCUSIGN_'),
  };

/** The private-offers port of this server; absent, every call answers `integration_not_configured`. */
export const privateOffersOf = (context: AppContext): PrivateOffers =>
  context.integrations?.privateOffers ?? {
    setup: unsetSetup('AWS_MARKETPLACE_'),
    createPrivateOffer: () => unset('aws_marketplace', 'AWS_MARKETPLACE_'),
    releasePrivateOffer: () => unset('aws_marketplace', 'AWS_MARKETPLACE_'),
    describeChangeSet: () => unset('aws_marketplace', 'AWS_MARKETPLACE_'),
  };
