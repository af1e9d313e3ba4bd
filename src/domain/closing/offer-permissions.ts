import type { Permission } from '../access/permissions.js';
import { whoMay } from '../access/permissions.js';
import { type Principal, rightsOf } from '../access/principal.js';
import type { Result } from '../result.js';
import { approvalProgress, approversOfNextStep, describeApprover } from './approval-chain.js';
import { checkAwsOfferCreatable, checkAwsOfferReleasable } from './aws-offer.js';
import { checkEditable } from './draft-offer.js';
import { currentVersion, type Offer, type OfferDeal, type OfferVersion } from './offer.js';
import type { OfferRefusal } from './offer-refusal.js';
import { checkLatestSendable, type QuoteToSign } from './send-for-signature.js';

/**
 * What the caller may do with an offer now, by the rules its use cases enforce (the screens hide or disable
 * the rest and show `who`). The deal's side (revise, submit, present, choose) needs the `edit` right on the
 * deal; deciding needs to be a holder of the step waiting, and none of the author, the deal's owner or someone
 * who already decided a step of the version.
 */
export interface OfferPermissions {
  /** Make a new version with other terms (not while in approval or in closing). */
  revise: Permission;
  /** Submit the current draft for approval. */
  submit: Permission;
  /** Approve or reject the step waiting on the current version. */
  decide: Permission;
  /** Record that the approved version was presented to the customer. */
  present: Permission;
  /** Record the option the customer chose on the presented version. */
  choose: Permission;
  /** Generate the quote of the chosen option (Finance; again while quoted: a new quote, a new number). */
  quote: Permission;
  /** Send the current version's latest quote for signature to the account's DocuSign signer (Finance). */
  sign: Permission;
  /** Create the AWS Marketplace private offer of the chosen option for the buyer's AWS account (Finance). */
  createAwsOffer: Permission;
  /** Release the created private offer to the buyer (Finance). */
  releaseAwsOffer: Permission;
}

/**
 * What the closing steps need beyond the offer, as the use cases find it: the latest quote of the current
 * version, the account's parties (each the domain's answer: the contact, or the refusal naming where to record
 * it), and why an integration cannot be used on this server (the sentence with the variables to set; null
 * when it is configured).
 */
export interface ClosingFacts {
  latestQuote: QuoteToSign | null;
  signer: Result<unknown, OfferRefusal>;
  awsAdmin: Result<unknown, OfferRefusal>;
  buyerAwsAccount: Result<unknown, OfferRefusal>;
  unconfigured: { eSignature: string | null; privateOffers: string | null };
}

const allowed: Permission = { allowed: true, who: null };
const refused = (who: string): Permission => ({ allowed: false, who });
const whoEdits = () => whoMay((rights) => rights.edit);

/** A deal-side action: the edit right first, then where the offer stands (`stateRefusal`: null when it fits). */
function dealSide(mayEdit: boolean, deal: OfferDeal, stateRefusal: string | null): Permission {
  if (!mayEdit) return refused(whoEdits());
  if (!deal.open) return refused('The deal is closed.');
  return stateRefusal === null ? allowed : refused(stateRefusal);
}

function decidePermission(principal: Principal, version: OfferVersion, deal: OfferDeal): Permission {
  const { next, approved, total } = approvalProgress(version);
  if (!next) return refused(`Nothing waits for a decision: version ${version.number} is ${words(version)}.`);
  if (deal.open && approversOfNextStep(version, deal, [principal]).length > 0) return allowed;
  return refused(
    `Step ${approved + 1} of ${total} (${next.name}) is for ${describeApprover(next)}, other than the author, ` +
      'the deal’s owner and whoever decided an earlier step.',
  );
}

const words = (version: OfferVersion) => version.status.replaceAll('_', ' ');

/** The quote needs the issueQuotes right, an open deal and a chosen option (the server also checks the validity). */
function quotePermission(principal: Principal, version: OfferVersion, deal: OfferDeal): Permission {
  if (!rightsOf(principal).issueQuotes) return refused(whoMay((rights) => rights.issueQuotes));
  if (!deal.open) return refused('The deal is closed.');
  if (version.status === 'option_chosen' || version.status === 'quoted') return allowed;
  return refused(
    `A quote is made once the customer chose an option; version ${version.number} is ${words(version)}.`,
  );
}

/**
 * A Finance step, in the use case's order: its domain check, then the parties it needs, then whether the
 * integration is configured here (the first refusal is the one to show).
 */
function financeStep(
  check: Result<unknown, OfferRefusal>,
  parties: Result<unknown, OfferRefusal>[],
  unconfigured: string | null,
): Permission {
  for (const step of [check, ...parties]) if (!step.ok) return refused(step.error.message);
  return unconfigured === null ? allowed : refused(unconfigured);
}

export function offerPermissions(
  principal: Principal,
  offer: Offer,
  deal: OfferDeal,
  mayEditDeal: boolean,
  facts: ClosingFacts,
): OfferPermissions {
  const version = currentVersion(offer);
  const editable = checkEditable(version);
  const status = version.status;
  return {
    revise: dealSide(mayEditDeal, deal, editable.ok ? null : editable.error.message),
    submit: dealSide(
      mayEditDeal,
      deal,
      status === 'draft'
        ? null
        : `Version ${version.number} is ${words(version)}; only a draft is submitted.`,
    ),
    decide: decidePermission(principal, version, deal),
    present: dealSide(
      mayEditDeal,
      deal,
      status === 'approved' ? null : `Only a fully approved version is presented; it is ${words(version)}.`,
    ),
    choose: dealSide(
      mayEditDeal,
      deal,
      status === 'presented' || status === 'option_chosen'
        ? null
        : `The choice is recorded on a presented version; it is ${words(version)}.`,
    ),
    quote: quotePermission(principal, version, deal),
    sign: financeStep(
      checkLatestSendable(offer, deal, facts.latestQuote, principal),
      [facts.signer],
      facts.unconfigured.eSignature,
    ),
    createAwsOffer: financeStep(
      checkAwsOfferCreatable(offer, deal, principal),
      [facts.awsAdmin, facts.buyerAwsAccount],
      facts.unconfigured.privateOffers,
    ),
    releaseAwsOffer: financeStep(
      checkAwsOfferReleasable(offer, deal, principal),
      [],
      facts.unconfigured.privateOffers,
    ),
  };
}
