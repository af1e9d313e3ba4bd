import { describe, expect, it } from 'vitest';
import {
  approvedOffer,
  closingOf,
  OFFER_TERMS,
  PEOPLE,
  PROPOSE_DEAL,
  submittedOffer,
  unwrap,
} from '../../../test/support/offer-fixtures.js';
import { northwind } from '../../../test/support/playbook-fixtures.js';
import {
  approvalProgress,
  approversOfNextStep,
  describeApprover,
  holdsStep,
  resolveApprovalChain,
} from './approval-chain.js';
import { currentVersion, type OfferTerms } from './offer.js';
import { priceOffer } from './price-options.js';

const playbook = northwind();
const settings = closingOf(playbook);

/** Northwind's chain for one option in `currency` at `price` a year for a year, against a 100k list. */
function chainFor(pricePerYearMinor: number, currency = 'EUR') {
  const terms: OfferTerms = {
    ...OFFER_TERMS,
    currency,
    options: [
      {
        name: 'One cell',
        termMonths: 12,
        pricePerYearMinor,
        listPricePerYearMinor: 100_000_00,
        paymentSchedule: 'upfront',
      },
    ],
  };
  const options = unwrap(priceOffer(terms, settings, '2026-11-02'));
  return resolveApprovalChain(settings, playbook.defaultCurrency, { options, currency }, PROPOSE_DEAL);
}

describe('the approval chain of a version', () => {
  it('keeps the steps without thresholds, bound to the deal region where the step is regional', () => {
    expect(chainFor(90_000_00)).toEqual([
      {
        key: 'regional_vp',
        name: 'Regional VP approval',
        role: 'rvp',
        scope: 'deal_region',
        region: 'emea',
        appliesBecause: 'every offer',
      },
    ]);
  });

  it('adds a threshold step when any option is above the discount (strictly)', () => {
    expect(chainFor(85_000_00).map((step) => step.key)).toEqual(['regional_vp']);
    expect(chainFor(84_999_99).map((step) => step.key)).toEqual(['regional_vp', 'finance_review']);
    expect(chainFor(84_990_00).map((step) => [step.key, step.appliesBecause])).toEqual([
      ['regional_vp', 'every offer'],
      ['finance_review', 'a discount of 15.01% is above 15%'],
    ]);
  });

  it('adds it when a TCV is above the value, in the playbook currency', () => {
    const big = chainFor(90_000_00).length;
    expect(big).toBe(1);
    const terms: OfferTerms = {
      ...OFFER_TERMS,
      currency: 'EUR',
      options: [
        {
          name: 'Fleet',
          termMonths: 36,
          pricePerYearMinor: 90_000_00,
          listPricePerYearMinor: 100_000_00,
          paymentSchedule: 'annual',
        },
      ],
    };
    const options = unwrap(priceOffer(terms, settings, '2026-11-02'));
    const chain = resolveApprovalChain(settings, 'EUR', { options, currency: 'EUR' }, PROPOSE_DEAL);
    expect(chain[1]?.appliesBecause).toBe('a TCV of EUR 270,000.00 is above EUR 250,000.00');
  });

  it('applies a TCV step to an offer in another currency: it cannot be compared, so it is not waived', () => {
    expect(chainFor(90_000_00, 'USD')[1]?.appliesBecause).toBe(
      'a TCV in USD cannot be compared with the threshold in EUR',
    );
  });

  it('says who each step is for', () => {
    const [regional] = chainFor(90_000_00);
    expect(regional && describeApprover(regional)).toBe('a Regional VP Sales of region emea');
    expect(regional && describeApprover({ ...regional, region: null })).toMatch(/the owner has none/);
    const [, finance] = chainFor(50_000_00);
    expect(finance && describeApprover(finance)).toBe('a VP Finance');
  });

  it.each([
    ['the RVP of the region', PEOPLE.rvp, true],
    ["another region's RVP", PEOPLE.rvpAbroad, false],
    ['VP Finance', PEOPLE.finance, false],
    ['an admin', PEOPLE.admin, false],
  ])('a regional step is held by %s: %s', (_, principal, held) => {
    const [regional] = chainFor(90_000_00);
    expect(regional && holdsStep(regional, principal)).toBe(held);
  });

  it('a regional step on a deal whose owner has no region is held by nobody', () => {
    const [regional] = chainFor(90_000_00);
    expect(regional && holdsStep({ ...regional, region: null }, { ...PEOPLE.rvp, region: null })).toBe(false);
  });
});

describe('who may act next', () => {
  const everyone = Object.values(PEOPLE);

  it('is the region RVPs other than the author and the owner, then VP Finance', () => {
    const submitted = submittedOffer();
    const version = currentVersion(submitted);
    expect(approvalProgress(version)).toMatchObject({ approved: 0, total: 2, next: { key: 'regional_vp' } });
    const rvpAsOwner = { ...PROPOSE_DEAL, ownerId: PEOPLE.rvpColleague.id };
    expect(approversOfNextStep(version, rvpAsOwner, everyone).map((p) => p.id)).toEqual(['user_rvp']);
    const afterRvp = currentVersion(approvedOffer());
    expect(approversOfNextStep(afterRvp, PROPOSE_DEAL, everyone)).toEqual([]);
  });

  it('leaves out whoever decided an earlier step of the version', () => {
    const rvpFinance = { ...PEOPLE.rvp, id: 'user_both' };
    const version = { ...currentVersion(submittedOffer()), decisions: [] };
    const decided = {
      ...version,
      decisions: [
        {
          stepKey: 'regional_vp',
          stepIndex: 0,
          decision: 'approved' as const,
          decidedBy: 'user_fin',
          decidedRole: 'rvp' as const,
          decidedAt: new Date(),
          comment: null,
        },
      ],
    };
    expect(approversOfNextStep(decided, PROPOSE_DEAL, [PEOPLE.finance, rvpFinance])).toEqual([]);
  });
});
