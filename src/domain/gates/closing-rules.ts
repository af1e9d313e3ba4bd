import type { ClosingFacts } from '../closing/closing-facts.js';
import type { ClosingRule } from '../playbook/playbook.js';

/** What a closing rule points at when it holds: the offer version and the vendor records that prove it. */
export interface OfferEvidenceRef {
  offerId: string;
  offerVersion: number;
  quoteNumber?: string;
  envelopeId?: string;
  marketplaceOfferId?: string;
  agreementId?: string;
}

export interface ClosingVerdict {
  met: boolean;
  message: string;
  evidence?: OfferEvidenceRef;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'an unknown day');
const words = (text: string) => text.replaceAll('_', ' ');
const NO_CHOICE: ClosingVerdict = {
  met: false,
  message: 'No offer version has an option the customer chose yet: the evidence is judged on that version.',
};

/** The signed quote: the chosen version's quote went out in an envelope that DocuSign reported completed. */
function quoteSigned(closing: ClosingFacts): ClosingVerdict {
  const envelope = closing.evidence.envelope;
  const version = `offer version ${closing.versionNumber}`;
  if (!envelope) return { met: false, message: `The quote of ${version} has not been sent for signature.` };
  const evidence = {
    offerId: closing.offerId,
    offerVersion: closing.versionNumber,
    quoteNumber: envelope.quoteNumber,
    envelopeId: envelope.envelopeId,
  };
  if (closing.status === 'signed' && envelope.envelopeStatus === 'completed')
    return {
      met: true,
      message: `Quote ${envelope.quoteNumber} of ${version} signed: envelope ${envelope.envelopeId} completed on ${day(envelope.completedAt)}.`,
      evidence,
    };
  const ended = envelope.endedReason ? ` (${envelope.endedReason})` : '';
  return {
    met: false,
    message: `Quote ${envelope.quoteNumber} of ${version} is not signed: envelope ${envelope.envelopeId} is ${envelope.envelopeStatus}${ended}.`,
  };
}

/** The offer acceptance: the buyer's account accepted the chosen version's private offer (an agreement in force). */
function offerAccepted(closing: ClosingFacts): ClosingVerdict {
  const awsOffer = closing.evidence.awsOffer;
  const version = `offer version ${closing.versionNumber}`;
  if (!awsOffer) return { met: false, message: `No private offer has been made of ${version}.` };
  const offer = awsOffer.marketplaceOfferId ?? `change set ${awsOffer.createChangeSetId}`;
  if (closing.awsOfferStatus === 'accepted' && awsOffer.agreementId && !awsOffer.agreementEndedAt)
    return {
      met: true,
      message: `Private offer ${offer} of ${version} accepted by account ${awsOffer.buyerAwsAccountId}: agreement ${awsOffer.agreementId} from ${day(awsOffer.agreementStart ?? awsOffer.acceptedAt)}.`,
      evidence: {
        offerId: closing.offerId,
        offerVersion: closing.versionNumber,
        marketplaceOfferId: offer,
        agreementId: awsOffer.agreementId,
      },
    };
  if (awsOffer.agreementEndedAt)
    return {
      met: false,
      message: `The agreement of private offer ${offer} ended on ${day(awsOffer.agreementEndedAt)}.`,
    };
  return {
    met: false,
    message: `Private offer ${offer} of ${version} is ${words(closing.awsOfferStatus)}, not yet accepted by the buyer.`,
  };
}

const RULES = { quote_signed: quoteSigned, offer_accepted: offerAccepted } as const satisfies Record<
  ClosingRule,
  (closing: ClosingFacts) => ClosingVerdict
>;

/** Whether a closing-evidence rule holds on the deal's chosen offer version, and why. */
export function applyClosingRule(rule: ClosingRule, closing: ClosingFacts | null): ClosingVerdict {
  return closing ? RULES[rule](closing) : NO_CHOICE;
}
