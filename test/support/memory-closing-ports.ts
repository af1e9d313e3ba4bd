import type { ESignature, SendEnvelopeInput } from '../../src/app/integrations/e-signature.js';
import type { IntegrationError } from '../../src/app/integrations/integration-error.js';
import type { CreatePrivateOfferInput, PrivateOffers } from '../../src/app/integrations/private-offers.js';
import { err, ok } from '../../src/domain/result.js';

/**
 * In-process stand-ins for the two closing ports, recording every call (use-case tests; the adapters' own
 * tests run them against the HTTP fakes). `failNext` makes the next call answer that error; `prefix` keeps
 * the vendor ids of several orgs in one database apart.
 */
export function memoryClosingPorts(prefix = '') {
  const envelopes: SendEnvelopeInput[] = [];
  const created: CreatePrivateOfferInput[] = [];
  const released: Array<{ requestKey: string; offerId: string }> = [];
  let failure: IntegrationError | null = null;
  const take = () => {
    const error = failure;
    failure = null;
    return error;
  };
  const eSignature: ESignature = {
    setup: { configured: true },
    async sendEnvelope(input) {
      const error = take();
      if (error) return err(error);
      envelopes.push(input);
      return ok({ envelopeId: `${prefix}env-${envelopes.length}`, status: 'sent', statusAt: null });
    },
  };
  const privateOffers: PrivateOffers = {
    setup: { configured: true },
    async createPrivateOffer(input) {
      const error = take();
      if (error) return err(error);
      created.push(input);
      return ok({
        changeSetId: `cs-create-${created.length}`,
        changeSetArn: `arn:cs-create-${created.length}`,
      });
    },
    async releasePrivateOffer(input) {
      const error = take();
      if (error) return err(error);
      released.push(input);
      return ok({
        changeSetId: `cs-release-${released.length}`,
        changeSetArn: `arn:cs-release-${released.length}`,
      });
    },
    async describeChangeSet(changeSetId) {
      const index = Number(changeSetId.replace(/^cs-create-/, ''));
      return ok({ status: 'SUCCEEDED', offerId: `offer-${prefix}fake${index}`, failure: null });
    },
  };
  return {
    ports: { eSignature, privateOffers },
    envelopes,
    created,
    released,
    failNext: (error: IntegrationError) => {
      failure = error;
    },
  };
}
