import type { EnvelopeStatus } from './envelope-status.js';

/**
 * What the closing integrations left on an offer version (decision 016): the envelope its quote was sent in
 * and what Connect said of it, and the AWS Marketplace private offer made of it and what EventBridge said.
 * Null until the step happened. Times are ISO 8601 text as the vendor or the server wrote them.
 */
export interface EnvelopeEvidence {
  quoteId: string;
  quoteNumber: string;
  envelopeId: string;
  signerContactId: string;
  sentBy: string;
  sentAt: string;
  /** The envelope's status folded from the Connect events received (envelopeStatusAfter). */
  envelopeStatus: EnvelopeStatus;
  /** When the envelope was completed (the signed-quote evidence), by DocuSign's clock. */
  completedAt: string | null;
  /** Why the last envelope of the version ended without a signature (declined, voided). */
  endedReason: string | null;
}

export interface AwsOfferEvidence {
  buyerAwsAccountId: string;
  adminContactId: string;
  createChangeSetId: string;
  /** The Marketplace offer (offer-…), once the create change set named it. */
  marketplaceOfferId: string | null;
  createdBy: string;
  createdAt: string;
  releaseChangeSetId: string | null;
  releasedAt: string | null;
  /** The agreement the buyer's acceptance made (the offer-acceptance evidence). */
  agreementId: string | null;
  agreementStart: string | null;
  acceptedAt: string | null;
  agreementEndedAt: string | null;
}

export interface ClosingEvidence {
  envelope: EnvelopeEvidence | null;
  awsOffer: AwsOfferEvidence | null;
}

export const NO_EVIDENCE: ClosingEvidence = { envelope: null, awsOffer: null };
