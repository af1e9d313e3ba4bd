import { describe, expect, it } from 'vitest';
import { closingOf, OFFER_TERMS } from '../../../test/support/offer-fixtures.js';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import type { PricingOptionTerms } from './offer.js';
import { discountBasisPointsOf, priceOffer, tcvOf } from './price-options.js';

const settings = closingOf(firebolt());
const [three] = OFFER_TERMS.options as [PricingOptionTerms];
const option = (patch: Partial<PricingOptionTerms>) => ({ ...three, ...patch });

describe('pricing an option', () => {
  it.each([
    [100_000_00, 36, 300_000_00],
    [100_000_00, 18, 150_000_00],
    [1, 6, 1], // half a minor unit rounds up
    [1, 5, 0],
    [999_999_999_999, 120, 9_999_999_999_990],
  ])('TCV of %i a year over %i months is %i', (price, months, tcv) => {
    expect(tcvOf({ pricePerYearMinor: price, termMonths: months })).toBe(BigInt(tcv));
  });

  it.each([
    [100_000_00, 120_000_00, 1666],
    [120_000_00, 120_000_00, 0],
    [0, 120_000_00, 10_000],
    [130_000_00, 120_000_00, -833],
    [0, 0, 0],
  ])('price %i against list %i is %i basis points off', (price, list, basisPoints) => {
    expect(discountBasisPointsOf(option({ pricePerYearMinor: price, listPricePerYearMinor: list }))).toBe(
      basisPoints,
    );
  });

  it('prices the options of valid terms: TCV and discount beside what was given', () => {
    const priced = priceOffer(OFFER_TERMS, settings, '2026-11-02');
    expect(priced.ok && priced.value.map((o) => [o.name, o.tcvMinor, o.discountBasisPoints])).toEqual([
      ['Three years', 300_000_00, 1666],
      ['One year', 110_000_00, 833],
    ]);
  });

  it.each([
    ['no option', { options: [] }, 'options', /at least one/],
    [
      'eleven options',
      { options: Array.from({ length: 11 }, (_, i) => option({ name: `O${i}` })) },
      'options',
      /at most 10/,
    ],
    [
      'two options of one name',
      { options: [three, option({ name: ' three YEARS ' })] },
      'options.1.name',
      /another option/,
    ],
    ['a blank name', { options: [option({ name: '  ' })] }, 'options.0.name', /empty/],
    ['a zero term', { options: [option({ termMonths: 0 })] }, 'options.0.termMonths', /1 to 120/],
    ['a fractional term', { options: [option({ termMonths: 1.5 })] }, 'options.0.termMonths', /whole number/],
    [
      'a negative price',
      { options: [option({ pricePerYearMinor: -1 })] },
      'options.0.pricePerYearMinor',
      /money range/,
    ],
    [
      'a price past the range',
      { options: [option({ pricePerYearMinor: 2 ** 53 })] },
      'options.0.pricePerYearMinor',
      /money range/,
    ],
    [
      'no list price',
      { options: [option({ listPricePerYearMinor: 0 })] },
      'options.0.listPricePerYearMinor',
      /list price/,
    ],
    [
      'a schedule the playbook lacks',
      { options: [option({ paymentSchedule: 'monthly' })] },
      'options.0.paymentSchedule',
      /upfront, annual, quarterly/,
    ],
    [
      'a TCV past the range',
      {
        options: [
          option({
            pricePerYearMinor: 999_999_999_999_999,
            listPricePerYearMinor: 999_999_999_999_999,
            termMonths: 24,
          }),
        ],
      },
      'options.0.termMonths',
      /TCV/,
    ],
    ['an offer already expired', { validUntil: '2026-11-01' }, 'validUntil', /already have expired/],
  ])('refuses %s, at its field', (_, patch, path, message) => {
    const priced = priceOffer({ ...OFFER_TERMS, ...patch }, settings, '2026-11-02');
    expect(priced.ok ? null : priced.error.code).toBe('invalid_terms');
    expect(priced.ok ? [] : priced.error.issues).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });
});
