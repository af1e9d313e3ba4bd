import { describe, expect, it } from 'vitest';
import {
  approve,
  approvedOffer,
  draftedOffer,
  OFFER_NOW,
  PEOPLE,
  PROPOSE_DEAL,
  presentedOffer,
  submittedOffer,
  unwrap,
} from '../../../test/support/offer-fixtures.js';
import { currentVersion, type Offer } from './offer.js';
import {
  type ChoiceFacts,
  chooseOfferOption,
  markOfferPresented,
  type OptionChoice,
} from './present-offer.js';

const LATER = new Date(OFFER_NOW.getTime() + 86_400_000);
const present = (offer: Offer, versionNumber = 1, at = OFFER_NOW, deal = PROPOSE_DEAL) =>
  markOfferPresented(offer, deal, versionNumber, 'user_ae', at);
const FACTS: ChoiceFacts = { accountContactIds: new Set(['con_buyer']), otherChosenOfferId: null };
const CHOICE: OptionChoice = {
  versionNumber: 1,
  optionName: 'three years',
  contactId: 'con_buyer',
  confirmedAt: OFFER_NOW,
};
const choose = (offer: Offer, choice: Partial<OptionChoice> = {}, facts: Partial<ChoiceFacts> = {}) =>
  chooseOfferOption(offer, PROPOSE_DEAL, { ...CHOICE, ...choice }, { ...FACTS, ...facts }, 'user_ae', LATER);
const refusal = (result: { ok: boolean; error?: { code: string; message: string } }) =>
  result.ok ? null : result.error;

describe('presenting an offer', () => {
  it('marks a fully approved version presented, by whom and when', () => {
    expect(currentVersion(presentedOffer())).toMatchObject({
      status: 'presented',
      presentedBy: 'user_ae',
      presentedAt: OFFER_NOW,
    });
  });

  it('refuses a draft and a version waiting for approval, saying what is missing', () => {
    expect(refusal(present(draftedOffer()))).toEqual({
      code: 'not_fully_approved',
      message: 'Version 1 is a draft; submit it for approval first.',
    });
    const afterRvp = unwrap(approve(submittedOffer(), PEOPLE.rvp));
    expect(refusal(present(afterRvp))).toEqual({
      code: 'not_fully_approved',
      message: 'Version 1 is not fully approved: 1 of 2 steps approved, VP Finance approval waiting.',
    });
  });

  it('refuses a version presented already, an expired one, one not current, and a closed deal', () => {
    expect(refusal(present(presentedOffer()))?.code).toBe('no_change');
    expect(refusal(present(approvedOffer(), 1, new Date('2027-01-01T00:00:00Z')))?.code).toBe(
      'offer_expired',
    );
    expect(refusal(present(approvedOffer(), 2))?.code).toBe('version_not_current');
    expect(refusal(present(approvedOffer(), 1, OFFER_NOW, { ...PROPOSE_DEAL, open: false }))?.code).toBe(
      'deal_closed',
    );
  });
});

describe("recording the customer's choice", () => {
  it('records the option (by name, any case), the confirming contact, when, and who recorded it', () => {
    const chosen = currentVersion(unwrap(choose(presentedOffer())));
    expect(chosen).toMatchObject({
      status: 'option_chosen',
      chosen: {
        optionName: 'Three years',
        confirmedByContactId: 'con_buyer',
        confirmedAt: OFFER_NOW,
        recordedBy: 'user_ae',
        recordedAt: LATER,
      },
    });
  });

  it('may be recorded again until a quote is made (the customer changed their mind)', () => {
    const again = unwrap(choose(unwrap(choose(presentedOffer())), { optionName: 'One year' }));
    expect(currentVersion(again).chosen?.optionName).toBe('One year');
  });

  it.each([
    ['an approved version not yet presented', approvedOffer, {}, {}, 'not_presented'],
    ['a draft', draftedOffer, {}, {}, 'not_fully_approved'],
    ['an option the version lacks', presentedOffer, { optionName: 'Five years' }, {}, 'unknown_option'],
    [
      'a contact of another account',
      presentedOffer,
      { contactId: 'con_other' },
      {},
      'contact_not_on_account',
    ],
    [
      'a confirmation before the presentation',
      presentedOffer,
      { confirmedAt: new Date(OFFER_NOW.getTime() - 1) },
      {},
      'confirmation_out_of_range',
    ],
    [
      'a confirmation in the future',
      presentedOffer,
      { confirmedAt: new Date(LATER.getTime() + 1) },
      {},
      'confirmation_out_of_range',
    ],
    ['a version not current', presentedOffer, { versionNumber: 3 }, {}, 'version_not_current'],
    [
      'a second chosen offer on the deal',
      presentedOffer,
      {},
      { otherChosenOfferId: 'offer_2' },
      'another_offer_chosen',
    ],
  ])('refuses %s', (_, made, choice, facts, code) => {
    expect(refusal(choose(made(), choice, facts))?.code).toBe(code);
  });

  it('names the options the version has', () => {
    expect(refusal(choose(presentedOffer(), { optionName: 'Five years' }))?.message).toBe(
      'Version 1 has no option "Five years" (it has "Three years", "One year").',
    );
  });

  it('keeps the option an AWS private offer was made of (the buyer could accept it), the same option still recorded', () => {
    const offer = unwrap(choose(presentedOffer()));
    const version = currentVersion(offer);
    const made = { ...offer, versions: [{ ...version, awsOfferStatus: 'created' as const }] };
    expect(refusal(choose(made, { optionName: 'One year' }))).toEqual({
      code: 'offer_in_closing',
      message:
        'The AWS private offer of version 1 is made of "Three years"; the customer\'s choice is final.',
    });
    expect(currentVersion(unwrap(choose(made, { optionName: 'THREE YEARS' }))).chosen?.optionName).toBe(
      'Three years',
    );
  });

  it('refuses once the version is with the paperwork', () => {
    const offer = unwrap(choose(presentedOffer()));
    const quoted = { ...offer, versions: [{ ...currentVersion(offer), status: 'quoted' as const }] };
    expect(refusal(choose(quoted))?.code).toBe('offer_in_closing');
  });
});
