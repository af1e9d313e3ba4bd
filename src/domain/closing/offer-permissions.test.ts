import { describe, expect, it } from 'vitest';
import {
  approve,
  approvedOffer,
  chosenOffer,
  draftedOffer,
  PEOPLE,
  PROPOSE_DEAL,
  submittedOffer,
  unwrap,
} from '../../../test/support/offer-fixtures.js';
import { currentVersion, type Offer } from './offer.js';
import { offerPermissions } from './offer-permissions.js';

const allowedOf = (offer: Offer, who: (typeof PEOPLE)[keyof typeof PEOPLE], mayEdit: boolean) => {
  const permissions = offerPermissions(who, currentVersion(offer), PROPOSE_DEAL, mayEdit);
  return Object.fromEntries(Object.entries(permissions).map(([key, value]) => [key, value.allowed]));
};

describe('what the caller may do with an offer', () => {
  it.each([
    [
      'a draft, its AE',
      draftedOffer,
      PEOPLE.ae,
      true,
      { revise: true, submit: true, decide: false, present: false, choose: false, quote: false },
    ],
    [
      'in approval, its AE',
      submittedOffer,
      PEOPLE.ae,
      true,
      { revise: false, submit: false, decide: false, present: false, choose: false, quote: false },
    ],
    [
      'in approval, the EMEA RVP',
      submittedOffer,
      PEOPLE.rvp,
      true,
      { revise: false, submit: false, decide: true, present: false, choose: false, quote: false },
    ],
    [
      'in approval, the Americas RVP',
      submittedOffer,
      PEOPLE.rvpAbroad,
      false,
      { revise: false, submit: false, decide: false, present: false, choose: false, quote: false },
    ],
    [
      'in approval, VP Finance (step 2)',
      submittedOffer,
      PEOPLE.finance,
      false,
      { revise: false, submit: false, decide: false, present: false, choose: false, quote: false },
    ],
    [
      'step 2 waiting, VP Finance',
      () => unwrap(approve(submittedOffer(), PEOPLE.rvp)),
      PEOPLE.finance,
      false,
      { revise: false, submit: false, decide: true, present: false, choose: false, quote: false },
    ],
    [
      'approved, its AE',
      approvedOffer,
      PEOPLE.ae,
      true,
      { revise: true, submit: false, decide: false, present: true, choose: false, quote: false },
    ],
    [
      'option chosen, VP Finance',
      chosenOffer,
      PEOPLE.finance,
      false,
      { revise: false, submit: false, decide: false, present: false, choose: false, quote: true },
    ],
    [
      'option chosen, its AE',
      chosenOffer,
      PEOPLE.ae,
      true,
      { revise: true, submit: false, decide: false, present: false, choose: true, quote: false },
    ],
  ] as const)('%s', (_, offer, who, mayEdit, expected) => {
    expect(allowedOf(offer(), who, mayEdit)).toEqual(expected);
  });

  it('says who may instead: the edit right, the step waiting, or where the offer stands', () => {
    const submitted = currentVersion(submittedOffer());
    const asAe = offerPermissions(PEOPLE.ae, submitted, PROPOSE_DEAL, true);
    expect(asAe.revise.who).toMatch(/^Version 1 is waiting for approval/);
    expect(asAe.decide.who).toBe(
      'Step 1 of 2 (Regional VP Sales approval) is for a Regional VP Sales of region emea, other than the ' +
        'author, the deal’s owner and whoever decided an earlier step.',
    );
    expect(offerPermissions(PEOPLE.finance, submitted, PROPOSE_DEAL, false).submit.who).toMatch(/^Who may: /);
    const closed = { ...PROPOSE_DEAL, open: false };
    expect(offerPermissions(PEOPLE.rvp, submitted, closed, true).decide.allowed).toBe(false);
  });
});
