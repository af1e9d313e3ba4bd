import { describe, expect, it } from 'vitest';
import {
  approvedOffer,
  chosenOffer,
  draftedOffer,
  OFFER_NOW,
  PEOPLE,
  PROPOSE_DEAL,
  presentedOffer,
  submittedOffer,
  unwrap,
} from '../../../test/support/offer-fixtures.js';
import type { Principal } from '../access/principal.js';
import { withCurrent } from './draft-offer.js';
import { currentVersion, type Offer, type OfferStatus } from './offer.js';
import { checkQuotable, formatQuoteNumber, issueQuote, type QuoteFacts } from './quote.js';

const LATER = new Date(OFFER_NOW.getTime() + 86_400_000);
const check = (
  offer: Offer,
  by: Principal = PEOPLE.finance,
  at = LATER,
  deal = PROPOSE_DEAL,
  versionNumber = 1,
) => checkQuotable(offer, deal, versionNumber, by, at);
const refusalOf = (result: ReturnType<typeof check>) => (result.ok ? null : result.error);
const withStatus = (status: OfferStatus) => {
  const offer = chosenOffer();
  return withCurrent(offer, { ...currentVersion(offer), status }, OFFER_NOW);
};

const FACTS: QuoteFacts = {
  id: 'quote_1',
  number: formatQuoteNumber(2026, 123),
  dealName: 'Acme analytics',
  seller: { name: 'Seller Inc.', details: [] },
  customer: { name: 'Acme GmbH', details: ['Berlin, DE', 'Attn: Bea Buyer'] },
  issuedBy: { id: 'user_fin', name: 'Fin VP' },
  names: new Map([
    ['user_rvp', 'Rhea RVP'],
    ['user_fin', 'Fin VP'],
  ]),
};

describe('who may quote what, and when', () => {
  it('numbers quotes by year and sequence: Q-2026-000123', () => {
    expect(FACTS.number).toBe('Q-2026-000123');
    expect(formatQuoteNumber(2027, 1_234_567)).toBe('Q-2027-1234567');
  });

  it.each([
    ['an Account Executive', PEOPLE.ae],
    ['a Regional VP', PEOPLE.rvp],
    ['a RevOps admin', PEOPLE.admin],
  ])('refuses %s: quotes are Finance’s', (_, who) => {
    expect(refusalOf(check(chosenOffer(), who))).toEqual({
      code: 'not_quote_issuer',
      message: expect.stringContaining('Who may: VP Finance.'),
    });
  });

  it.each([
    ['a draft', draftedOffer()],
    ['a version in approval', submittedOffer()],
    ['an approved version', approvedOffer()],
    ['a presented version without a choice', presentedOffer()],
  ])('refuses %s: no option chosen', (_, offer) => {
    expect(refusalOf(check(offer))).toMatchObject({ code: 'no_option_chosen' });
  });

  it.each(['sent_for_signature', 'signed'] as const)('refuses a version %s: its quote is final', (status) => {
    expect(refusalOf(check(withStatus(status)))).toMatchObject({ code: 'offer_in_closing' });
  });

  it('refuses an expired version, a closed deal and a version that is not the current one', () => {
    const afterValidity = new Date('2027-01-01T00:00:00Z');
    expect(refusalOf(check(chosenOffer(), PEOPLE.finance, afterValidity))).toEqual({
      code: 'offer_expired',
      message: 'Version 1 expired on 2026-12-31; revise it (and have it approved) again.',
    });
    const closed = { ...PROPOSE_DEAL, open: false };
    expect(refusalOf(check(chosenOffer(), PEOPLE.finance, LATER, closed))).toMatchObject({
      code: 'deal_closed',
    });
    expect(refusalOf(check(chosenOffer(), PEOPLE.finance, LATER, PROPOSE_DEAL, 2))).toMatchObject({
      code: 'version_not_current',
    });
  });

  it('quotes the chosen option on its last valid day, and again once quoted (a new quote)', () => {
    const lastDay = new Date('2026-12-31T23:59:59Z');
    expect(unwrap(check(chosenOffer(), PEOPLE.finance, lastDay)).option.name).toBe('Three years');
    expect(check(withStatus('quoted')).ok).toBe(true);
  });
});

describe('the quote document', () => {
  it('takes the chosen option, its totals and payments, the parties, the validity and the approvals', () => {
    const offer = chosenOffer();
    const { offer: quoted, quote } = issueQuote(offer, unwrap(check(offer)), FACTS, LATER);
    expect(currentVersion(quoted)).toMatchObject({ status: 'quoted', chosen: { optionName: 'Three years' } });
    expect(quoted.version).toBe(offer.version + 1);
    expect(quote).toEqual({
      id: 'quote_1',
      number: 'Q-2026-000123',
      offerId: 'offer_1',
      opportunityId: offer.opportunityId,
      versionNumber: 1,
      dealName: 'Acme analytics',
      issuedAt: LATER,
      issuedBy: { id: 'user_fin', name: 'Fin VP' },
      seller: FACTS.seller,
      customer: FACTS.customer,
      currency: 'USD',
      option: expect.objectContaining({
        name: 'Three years',
        termMonths: 36,
        pricePerYearMinor: 100_000_00,
        listPricePerYearMinor: 120_000_00,
        discountBasisPoints: 1666,
        paymentSchedule: 'annual',
        tcvMinor: 300_000_00,
      }),
      payments: [
        { number: 1, dueMonth: 1, months: 12, amountMinor: 100_000_00 },
        { number: 2, dueMonth: 13, months: 12, amountMinor: 100_000_00 },
        { number: 3, dueMonth: 25, months: 12, amountMinor: 100_000_00 },
      ],
      totals: { listTcvMinor: 360_000_00n, discountMinor: 60_000_00n, tcvMinor: 300_000_00 },
      validUntil: '2026-12-31',
      notes: 'Pricing as discussed with the Economic Buyer',
      approvals: [
        { step: 'Regional VP Sales approval', approver: 'Rhea RVP', decidedAt: OFFER_NOW },
        { step: 'VP Finance approval', approver: 'Fin VP', decidedAt: OFFER_NOW },
      ],
    });
  });
});
