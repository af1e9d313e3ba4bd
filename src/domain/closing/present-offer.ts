import { ok, type Result } from '../result.js';
import { approvalProgress } from './approval-chain.js';
import { dayOf, withCurrent } from './draft-offer.js';
import { currentVersion, type Offer, type OfferDeal, type OfferVersion } from './offer.js';
import { type OfferRefusal, refuse } from './offer-refusal.js';

type Decided = Result<Offer, OfferRefusal>;

/** The current version, if it is the one named and the deal is open. */
function namedCurrent(
  offer: Offer,
  deal: OfferDeal,
  versionNumber: number,
): Result<OfferVersion, OfferRefusal> {
  const current = currentVersion(offer);
  if (versionNumber !== current.number) {
    const message = `Version ${versionNumber} is not the current one (version ${current.number} is); the customer sees the current version.`;
    return refuse('version_not_current', message);
  }
  if (!deal.open) return refuse('deal_closed', 'The deal is closed.');
  return ok(current);
}

/** Why a version that is not yet approved cannot go to the customer: what is missing, step by step. */
function notApproved(version: OfferVersion) {
  if (version.status === 'draft')
    return refuse(
      'not_fully_approved',
      `Version ${version.number} is a draft; submit it for approval first.`,
    );
  const { approved, total, next } = approvalProgress(version);
  const message = `Version ${version.number} is not fully approved: ${approved} of ${total} steps approved, ${next?.name ?? 'the next step'} waiting.`;
  return refuse('not_fully_approved', message);
}

/** Internal approval before customer presentation: only a fully approved, unexpired version is presented. */
export function markOfferPresented(
  offer: Offer,
  deal: OfferDeal,
  versionNumber: number,
  presenterId: string,
  now: Date,
): Decided {
  const named = namedCurrent(offer, deal, versionNumber);
  if (!named.ok) return named;
  const version = named.value;
  if (version.status === 'draft' || version.status === 'in_approval') return notApproved(version);
  if (version.status !== 'approved')
    return refuse(
      'no_change',
      `Version ${version.number} was already presented (${version.status.replaceAll('_', ' ')}).`,
    );
  if (version.validUntil < dayOf(now))
    return refuse(
      'offer_expired',
      `Version ${version.number} expired on ${version.validUntil}; revise it (and have it approved) again.`,
    );
  return ok(
    withCurrent(offer, { ...version, status: 'presented', presentedBy: presenterId, presentedAt: now }, now),
  );
}

export interface OptionChoice {
  versionNumber: number;
  optionName: string;
  /** The customer's contact who confirmed the choice. */
  contactId: string;
  confirmedAt: Date;
}

export interface ChoiceFacts {
  /** The contacts of the deal's account. */
  accountContactIds: ReadonlySet<string>;
  /** Another offer of the same deal whose current version has a chosen option, if any. */
  otherChosenOfferId: string | null;
}

/**
 * Records the option the customer chose on a presented version, who confirmed it and when; until a quote is
 * made from it the choice may be recorded again (the customer changed their mind), but once an AWS private offer
 * is made of the option, only that option (its price and term are with the buyer). One offer per deal is chosen.
 */
export function chooseOfferOption(
  offer: Offer,
  deal: OfferDeal,
  choice: OptionChoice,
  facts: ChoiceFacts,
  recorderId: string,
  now: Date,
): Decided {
  const named = namedCurrent(offer, deal, choice.versionNumber);
  if (!named.ok) return named;
  const version = named.value;
  if (version.status === 'draft' || version.status === 'in_approval') return notApproved(version);
  if (version.status === 'approved')
    return refuse(
      'not_presented',
      `Version ${version.number} is approved but not presented; present it first.`,
    );
  if (version.status !== 'presented' && version.status !== 'option_chosen')
    return refuse(
      'offer_in_closing',
      `Version ${version.number} is ${version.status.replaceAll('_', ' ')}; its choice is final.`,
    );
  const option = version.options.find(
    (candidate) => candidate.name.toLowerCase() === choice.optionName.trim().toLowerCase(),
  );
  if (!option) {
    const names = version.options.map((candidate) => `"${candidate.name}"`).join(', ');
    return refuse(
      'unknown_option',
      `Version ${version.number} has no option "${choice.optionName}" (it has ${names}).`,
    );
  }
  // The private offer carries the option's price and term to the buyer: another option would leave it behind.
  if (version.awsOfferStatus !== 'none' && version.chosen && version.chosen.optionName !== option.name)
    return refuse(
      'offer_in_closing',
      `The AWS private offer of version ${version.number} is made of "${version.chosen.optionName}"; the customer's choice is final.`,
    );
  if (!facts.accountContactIds.has(choice.contactId))
    return refuse(
      'contact_not_on_account',
      `Contact ${choice.contactId} is not a contact of the deal's account.`,
    );
  const presentedAt = version.presentedAt ?? now;
  if (choice.confirmedAt > now || choice.confirmedAt < presentedAt) {
    const message = `The confirmation must fall between the presentation (${presentedAt.toISOString()}) and now.`;
    return refuse('confirmation_out_of_range', message);
  }
  if (facts.otherChosenOfferId)
    return refuse(
      'another_offer_chosen',
      `The customer already chose an option of offer ${facts.otherChosenOfferId}.`,
    );
  const chosen = {
    optionName: option.name,
    confirmedByContactId: choice.contactId,
    confirmedAt: choice.confirmedAt,
    recordedBy: recorderId,
    recordedAt: now,
  };
  return ok(withCurrent(offer, { ...version, status: 'option_chosen', chosen }, now));
}
