import type { Principal } from '../../src/domain/access/principal.js';
import { decideApproval, submitForApproval } from '../../src/domain/closing/decide-approval.js';
import { draftOffer } from '../../src/domain/closing/draft-offer.js';
import type { Offer, OfferDeal, OfferTerms } from '../../src/domain/closing/offer.js';
import { chooseOfferOption, markOfferPresented } from '../../src/domain/closing/present-offer.js';
import type { ClosingSettings } from '../../src/domain/playbook/closing-settings.js';
import type { Playbook } from '../../src/domain/playbook/playbook.js';
import type { Result } from '../../src/domain/result.js';
import { firebolt } from './playbook-fixtures.js';

export const OFFER_NOW = new Date('2026-11-02T09:00:00Z');

/** A New Business deal at Propose, owned by an EMEA AE. */
export const PROPOSE_DEAL: OfferDeal = {
  id: 'opp_1',
  pipeline: 'new_business',
  stage: 'propose',
  ownerId: 'user_ae',
  region: 'emea',
  open: true,
};

/** Two options: three years at 100k/year (16.66% off a 120k list), one year upfront at 110k. */
export const OFFER_TERMS: OfferTerms = {
  currency: 'USD',
  validUntil: '2026-12-31',
  notes: 'Pricing as discussed with the Economic Buyer',
  options: [
    {
      name: 'Three years',
      termMonths: 36,
      pricePerYearMinor: 100_000_00,
      listPricePerYearMinor: 120_000_00,
      paymentSchedule: 'annual',
    },
    {
      name: 'One year',
      termMonths: 12,
      pricePerYearMinor: 110_000_00,
      listPricePerYearMinor: 120_000_00,
      paymentSchedule: 'upfront',
    },
  ],
};

const person = (id: string, role: Principal['role'], region: string | null): Principal => ({
  id,
  role,
  region,
  managerId: null,
});

/** The people of an offer's life: its AE, the EMEA RVP, another region's RVP, a second EMEA RVP, VP Finance. */
export const PEOPLE = {
  ae: person('user_ae', 'ae', 'emea'),
  rvp: person('user_rvp', 'rvp', 'emea'),
  rvpAbroad: person('user_rvp_us', 'rvp', 'americas'),
  rvpColleague: person('user_rvp_2', 'rvp', 'emea'),
  finance: person('user_fin', 'vp_finance', null),
  admin: person('user_admin', 'revops_admin', null),
};

export function unwrap<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** A draft by the AE on the Propose deal (Firebolt: RVP of EMEA, then VP Finance). */
export const draftedOffer = (terms: OfferTerms = OFFER_TERMS): Offer =>
  unwrap(draftOffer(firebolt(), PROPOSE_DEAL, { offerId: 'offer_1', authorId: 'user_ae', terms }, OFFER_NOW));

export const submittedOffer = (): Offer =>
  unwrap(submitForApproval(firebolt(), draftedOffer(), PROPOSE_DEAL, 'user_ae', OFFER_NOW));

export const approve = (offer: Offer, by: Principal, versionNumber = 1) =>
  decideApproval(offer, PROPOSE_DEAL, { versionNumber, decision: 'approve', comment: null }, by, OFFER_NOW);

/** Approved by the EMEA RVP and VP Finance. */
export const approvedOffer = (): Offer =>
  unwrap(approve(unwrap(approve(submittedOffer(), PEOPLE.rvp)), PEOPLE.finance));

export const presentedOffer = (): Offer =>
  unwrap(markOfferPresented(approvedOffer(), PROPOSE_DEAL, 1, 'user_ae', OFFER_NOW));

/** Presented, and the customer's contact `con_buyer` chose "Three years" (recorded by the AE an hour later). */
export const chosenOffer = (optionName = 'Three years'): Offer =>
  unwrap(
    chooseOfferOption(
      presentedOffer(),
      PROPOSE_DEAL,
      { versionNumber: 1, optionName, contactId: 'con_buyer', confirmedAt: OFFER_NOW },
      { accountContactIds: new Set(['con_buyer']), otherChosenOfferId: null },
      'user_ae',
      new Date(OFFER_NOW.getTime() + 3_600_000),
    ),
  );

/** The playbook's closing section (the shipped ones have one). */
export function closingOf(playbook: Playbook): ClosingSettings {
  if (!playbook.closing) throw new Error(`playbook ${playbook.id} has no closing section`);
  return playbook.closing;
}
