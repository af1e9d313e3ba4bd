import type { Permission } from '../access/permissions.js';
import { whoMay } from '../access/permissions.js';
import { type Principal, rightsOf } from '../access/principal.js';
import { approvalProgress, approversOfNextStep, describeApprover } from './approval-chain.js';
import { checkEditable } from './draft-offer.js';
import type { OfferDeal, OfferVersion } from './offer.js';

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

export function offerPermissions(
  principal: Principal,
  version: OfferVersion,
  deal: OfferDeal,
  mayEditDeal: boolean,
): OfferPermissions {
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
  };
}
