import type { Principal } from '../access/principal.js';
import { ok, type Result } from '../result.js';
import type { AwsOfferEvidence } from './closing-evidence.js';
import { withCurrent } from './draft-offer.js';
import {
  currentVersion,
  type Offer,
  type OfferDeal,
  type OfferStatus,
  type OfferVersion,
  type PricingOption,
} from './offer.js';
import { type OfferRefusal, refuse } from './offer-refusal.js';
import { checkFinance } from './send-for-signature.js';

/** From the customer's choice on, the private offer may be made (in parallel with the signature). */
const CHOSEN_ON: readonly OfferStatus[] = ['option_chosen', 'quoted', 'sent_for_signature', 'signed'];

const words = (version: OfferVersion) => version.status.replaceAll('_', ' ');

/** The current version and its chosen option, when Finance may act on its private offer on this open deal. */
function checkChosen(
  offer: Offer,
  deal: OfferDeal,
  principal: Principal,
  what: string,
): Result<{ version: OfferVersion; option: PricingOption }, OfferRefusal> {
  const finance = checkFinance(principal, what);
  if (!finance.ok) return finance;
  if (!deal.open) return refuse('deal_closed', 'The deal is closed; private offers are made on open deals.');
  const version = currentVersion(offer);
  const option = version.options.find((each) => each.name === version.chosen?.optionName);
  if (!CHOSEN_ON.includes(version.status) || !option)
    return refuse(
      'no_option_chosen',
      `Version ${version.number} is ${words(version)}: the private offer is made of the option the customer chose.`,
    );
  return ok({ version, option });
}

/** Whether the AWS private offer of the current version may be created now (once per version). */
export function checkAwsOfferCreatable(offer: Offer, deal: OfferDeal, principal: Principal) {
  const chosen = checkChosen(offer, deal, principal, 'Creating the AWS private offer');
  if (!chosen.ok) return chosen;
  const { version } = chosen.value;
  if (version.awsOfferStatus !== 'none')
    return refuse(
      'aws_offer_exists',
      `Version ${version.number} has its AWS private offer already (${version.awsOfferStatus}).`,
    );
  return chosen;
}

/** Whether the created private offer of the current version may be released to the buyer now. */
export function checkAwsOfferReleasable(offer: Offer, deal: OfferDeal, principal: Principal) {
  const chosen = checkChosen(offer, deal, principal, 'Releasing the AWS private offer');
  if (!chosen.ok) return chosen;
  const { version } = chosen.value;
  if (version.awsOfferStatus !== 'created' || !version.evidence.awsOffer)
    return refuse(
      'aws_offer_not_created',
      version.awsOfferStatus === 'none'
        ? `Version ${version.number} has no AWS private offer yet: create it first.`
        : `The AWS private offer of version ${version.number} is ${version.awsOfferStatus} already.`,
    );
  return ok({ ...chosen.value, awsOffer: version.evidence.awsOffer });
}

/** The version with its private offer `created`, or `released`, and what AWS answered. */
export function withAwsOffer(
  offer: Offer,
  version: OfferVersion,
  awsOffer: AwsOfferEvidence,
  status: 'created' | 'released',
  now: Date,
): Offer {
  const evidence = { ...version.evidence, awsOffer };
  return withCurrent(offer, { ...version, awsOfferStatus: status, evidence }, now);
}
