import { describe, expect, it } from 'vitest';
import {
  approvedOffer,
  closingOf,
  draftedOffer,
  OFFER_NOW,
  OFFER_TERMS,
  PROPOSE_DEAL,
  presentedOffer,
  submittedOffer,
  unwrap,
} from '../../../test/support/offer-fixtures.js';
import { firebolt, northwind } from '../../../test/support/playbook-fixtures.js';
import { draftOffer, reviseOffer } from './draft-offer.js';
import { currentVersion, type Offer, type OfferDeal } from './offer.js';

const playbook = firebolt();
const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);
const draftOn = (deal: OfferDeal, book = playbook) =>
  draftOffer(book, deal, { offerId: 'offer_x', authorId: 'user_ae', terms: OFFER_TERMS }, OFFER_NOW);
const cheaper = {
  ...OFFER_TERMS,
  options: OFFER_TERMS.options.map((option) => ({
    ...option,
    pricePerYearMinor: option.pricePerYearMinor - 5_000_00,
  })),
};

describe('drafting an offer', () => {
  it('makes version 1, a draft by its author, with every option priced', () => {
    const offer = draftedOffer();
    expect(offer).toMatchObject({ id: 'offer_1', opportunityId: 'opp_1', version: 1, createdBy: 'user_ae' });
    expect(offer.versions).toHaveLength(1);
    expect(currentVersion(offer)).toMatchObject({
      number: 1,
      status: 'draft',
      awsOfferStatus: 'none',
      origin: 'drafted',
      basedOn: null,
      chain: null,
      decisions: [],
      options: [
        { name: 'Three years', tcvMinor: 300_000_00 },
        { name: 'One year', tcvMinor: 110_000_00 },
      ],
    });
  });

  it.each([
    ['at Propose', 'propose', 'ok'],
    ['at Negotiate (a later open stage)', 'negotiate', 'ok'],
    ['at POC', 'poc', 'stage_too_early'],
    ['at Opportunity Created', 'created', 'stage_too_early'],
  ])('on a New Business deal %s: %s', (_, stage, expected) => {
    expect(code(draftOn({ ...PROPOSE_DEAL, stage }))).toBe(expected);
  });

  it('names the stage offers start from and where the deal is', () => {
    const result = draftOn({ ...PROPOSE_DEAL, stage: 'discover' });
    expect(result.ok ? null : result.error.message).toBe(
      'Offers are made from Propose on; the deal is at Discover.',
    );
  });

  it('refuses a closed deal, a pipeline without offers and a playbook without a closing section', () => {
    expect(code(draftOn({ ...PROPOSE_DEAL, open: false }))).toBe('deal_closed');
    const { closing: _, ...withoutClosing } = playbook;
    expect(code(draftOn(PROPOSE_DEAL, withoutClosing))).toBe('no_offers_in_pipeline');
    const renewalOnly = {
      ...playbook,
      closing: { ...closingOf(playbook), offersFrom: { renewal: 'propose' } },
    };
    expect(code(draftOn(PROPOSE_DEAL, renewalOnly))).toBe('no_offers_in_pipeline');
  });

  it("follows another playbook's stages: Northwind offers from the pilot's presentation on", () => {
    const deal = { ...PROPOSE_DEAL, pipeline: 'sales', stage: 'qualified_to_buy' };
    const terms = {
      ...OFFER_TERMS,
      options: OFFER_TERMS.options.map((o) => ({ ...o, paymentSchedule: 'upfront' as const })),
    };
    const draft = (stage: string) =>
      draftOffer(northwind(), { ...deal, stage }, { offerId: 'o', authorId: 'user_ae', terms }, OFFER_NOW);
    expect(code(draft('qualified_to_buy'))).toBe('stage_too_early');
    expect(code(draft('presentation_scheduled'))).toBe('ok');
  });

  it('refuses invalid terms, each problem at its field', () => {
    const result = draftOffer(
      playbook,
      PROPOSE_DEAL,
      { offerId: 'o', authorId: 'a', terms: { ...OFFER_TERMS, options: [] } },
      OFFER_NOW,
    );
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'invalid_terms',
      issues: [{ path: 'options', message: 'at least one pricing option' }],
    });
  });
});

describe('revising an offer', () => {
  const revise = (offer: Offer, terms = cheaper, authorId = 'user_ae') =>
    reviseOffer(playbook, offer, PROPOSE_DEAL, { authorId, terms }, OFFER_NOW);

  it('makes a new draft version by the reviser; the old one is superseded', () => {
    const revised = unwrap(revise(draftedOffer(), cheaper, 'user_rvp'));
    expect(revised.version).toBe(2);
    expect(revised.versions.map((v) => [v.number, v.status, v.origin, v.basedOn, v.createdBy])).toEqual([
      [1, 'superseded', 'drafted', null, 'user_ae'],
      [2, 'draft', 'revised', 1, 'user_rvp'],
    ]);
  });

  it.each([
    ['an approved version', approvedOffer],
    ['a presented version', presentedOffer],
  ])('voids the approvals of %s: the new version has none and needs the chain again', (_, made) => {
    const revised = unwrap(revise(made()));
    const [old, next] = revised.versions;
    expect(old?.status).toBe('superseded');
    expect(old?.decisions).toHaveLength(2);
    expect(next).toMatchObject({ status: 'draft', decisions: [], chain: null });
  });

  it('refuses while approval is pending: the version is locked, and says at which step', () => {
    const result = revise(submittedOffer());
    expect(result.ok ? null : result.error).toEqual({
      code: 'offer_locked',
      message:
        'Version 1 is waiting for approval (step 1 of 2: Regional VP Sales approval) and is locked; it changes once approved or rejected.',
    });
  });

  it.each(['quoted', 'sent_for_signature', 'signed'] as const)('refuses once the version is %s', (status) => {
    const offer = approvedOffer();
    const quoted = { ...offer, versions: [{ ...currentVersion(offer), status }] };
    expect(code(revise(quoted))).toBe('offer_in_closing');
  });

  it('refuses an edit that changes nothing, and invalid terms', () => {
    expect(code(revise(draftedOffer(), OFFER_TERMS))).toBe('no_change');
    expect(code(revise(draftedOffer(), { ...OFFER_TERMS, validUntil: '2026-01-01' }))).toBe('invalid_terms');
  });

  it('counts a changed note, validity or schedule as an edit', () => {
    expect(code(revise(draftedOffer(), { ...OFFER_TERMS, notes: null }))).toBe('ok');
    expect(code(revise(draftedOffer(), { ...OFFER_TERMS, validUntil: '2027-01-31' }))).toBe('ok');
  });
});
