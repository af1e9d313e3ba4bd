import type { ClosingEvidence } from './closing-evidence.js';
import {
  type AwsOfferStatus,
  currentVersion,
  type Offer,
  type OfferStatus,
  type PricingOption,
} from './offer.js';

/**
 * What the gate knows of a deal's closing: the offer version the customer chose an option of (at most one
 * offer of a deal holds a choice at a time) and what the vendors reported of it. The closing rules judge the
 * signed quote and the accepted private offer on this one version, so both evidences are for the same terms.
 */
export interface ClosingFacts {
  offerId: string;
  versionNumber: number;
  status: OfferStatus;
  awsOfferStatus: AwsOfferStatus;
  currency: string;
  chosenOption: PricingOption;
  evidence: ClosingEvidence;
}

/** The closing facts of a deal's offers: the current version with a chosen option, or null (none chosen). */
export function closingFactsOf(offers: readonly Offer[]): ClosingFacts | null {
  for (const offer of offers) {
    const version = currentVersion(offer);
    const chosen = version.options.find((option) => option.name === version.chosen?.optionName);
    if (!chosen || version.status === 'rejected' || version.status === 'superseded') continue;
    return {
      offerId: offer.id,
      versionNumber: version.number,
      status: version.status,
      awsOfferStatus: version.awsOfferStatus,
      currency: version.currency,
      chosenOption: chosen,
      evidence: version.evidence,
    };
  }
  return null;
}
