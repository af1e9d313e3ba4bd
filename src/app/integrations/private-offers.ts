import type { Installment } from '../../domain/closing/payment-installments.js';
import type { Result } from '../../domain/result.js';
import type { IntegrationError, IntegrationSetup } from './integration-error.js';

/**
 * The port the closing use cases create and release AWS Marketplace private offers through (the adapter:
 * src/integrations/aws-marketplace). Money is in integer minor units, dates 'YYYY-MM-DD'.
 */
export interface CreatePrivateOfferInput {
  /** Stable across retries of the same request (e.g. offer id + version): the change set's idempotency. */
  requestKey: string;
  name: string;
  description: string;
  /** The buyer's AWS account (12 digits) the offer is visible to. */
  buyerAwsAccountId: string;
  currency: string;
  /** The contract's value (the chosen option's TCV). */
  tcvMinor: bigint;
  termMonths: number;
  /** The charges over the term; one charge on the start date means upfront. */
  installments: Installment[];
  /** The last day the buyer may accept (the offer version's validity). */
  acceptBy: string;
}

export interface StartedChangeSet {
  changeSetId: string;
  changeSetArn: string;
}

export interface ChangeSetOutcome {
  status: 'PREPARING' | 'APPLYING' | 'SUCCEEDED' | 'CANCELLED' | 'FAILED';
  /** The Marketplace offer the change set created or changed, once known (offer-…). */
  offerId: string | null;
  failure: string | null;
}

export interface PrivateOffers {
  /** Configured on this server, or the variables to set (every call then answers integration_not_configured). */
  readonly setup: IntegrationSetup;
  /** Starts the change set that creates the private offer as a draft (every term but the release). */
  createPrivateOffer(input: CreatePrivateOfferInput): Promise<Result<StartedChangeSet, IntegrationError>>;
  /** Starts the change set that releases a created offer to its buyer. */
  releasePrivateOffer(input: {
    requestKey: string;
    offerId: string;
  }): Promise<Result<StartedChangeSet, IntegrationError>>;
  describeChangeSet(changeSetId: string): Promise<Result<ChangeSetOutcome, IntegrationError>>;
}
