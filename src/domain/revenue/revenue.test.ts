import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import type { Contract } from '../contract/contract.js';
import { bookingsByCategory } from './bookings.js';
import { annualValue, retention } from './retention.js';

// The worked example of docs/decisions/020-revenue.md: EUR converts at 1.10, USD at 1.
const convert = (minor: number, currency: string) => (currency === 'EUR' ? minor * 1.1 : minor);

const contract = (id: string, accountId: string, terms: Partial<Contract>): Contract => ({
  id,
  accountId,
  kind: 'commit',
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  tcvMinor: 0,
  currency: 'USD',
  opportunityId: null,
  createdBy: 'user_fin',
  createdAt: new Date('2025-01-01T00:00:00Z'),
  version: 1,
  endedOn: null,
  endedReason: null,
  ...terms,
});

const contracts = [
  // A: 100k a year, renewed for 2026 at 130k (expansion).
  contract('a1', 'A', { tcvMinor: 100_000_00 }),
  contract('a2', 'A', { startDate: '2026-01-01', endDate: '2026-12-31', tcvMinor: 130_000_00 }),
  // B: 200k over two years (100k a year), renewed for 2026 at 80k (contraction) in EUR (88k USD).
  contract('b1', 'B', { startDate: '2024-01-01', tcvMinor: 200_000_00 }),
  contract('b2', 'B', {
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    tcvMinor: 80_000_00,
    currency: 'EUR',
  }),
  // C: 50k a year, ended early by Finance in June 2025 (churn).
  contract('c1', 'C', { tcvMinor: 50_000_00, endedOn: '2025-06-30', endedReason: 'insolvency' }),
  // D: new in 2026, not in the cohort.
  contract('d1', 'D', { startDate: '2026-01-01', endDate: '2026-12-31', tcvMinor: 70_000_00 }),
];

describe('revenue retention from the contracts (the worked example)', () => {
  it('annualises a contract: TCV over its term per 365 days', () => {
    expect(annualValue(contracts[2] as Contract, convert)).toBeCloseTo(200_000_00 * (365 / 731), 0);
  });

  it('gives GRR 75.2% and NRR 87.2% from 1 Jan 2025 to 31 Dec 2026', () => {
    const b1Annual = 200_000_00 * (365 / 731);
    const result = retention(contracts, '2025-01-01', '2026-12-31', convert);
    expect(result.startingMinor).toBeCloseTo(100_000_00 + b1Annual + 50_000_00, 0);
    expect(result.retainedMinor).toBeCloseTo(100_000_00 + 88_000_00, 0);
    expect(result.endingMinor).toBeCloseTo(130_000_00 + 88_000_00, 0);
    expect(result.grr?.toFixed(3)).toBe('0.752');
    expect(result.nrr?.toFixed(3)).toBe('0.872');
  });

  it('has no ratio when nothing was in force on the first day', () => {
    expect(retention(contracts, '2023-01-01', '2023-12-31', convert)).toMatchObject({ grr: null, nrr: null });
  });
});

describe('bookings by category', () => {
  it('sums won deals in the period by their type’s booking category, converted', () => {
    const totals = bookingsByCategory(
      firebolt(),
      [
        { type: 'new_business', amountMinor: 50_000_00, currency: 'USD', wonOn: '2026-01-10' },
        { type: 'upsell', amountMinor: 10_000_00, currency: 'EUR', wonOn: '2026-02-01' },
        { type: 'expansion', amountMinor: 30_000_00, currency: 'USD', wonOn: '2026-03-31' },
        { type: 'renewal', amountMinor: 88_000_00, currency: 'USD', wonOn: '2026-03-01' },
        { type: 'renewal', amountMinor: 99_000_00, currency: 'USD', wonOn: '2026-04-01' },
      ],
      '2026-01-01',
      '2026-03-31',
      convert,
    );
    expect(totals).toEqual({
      acquisition: 50_000_00,
      growth: 11_000_00 + 30_000_00,
      retention: 88_000_00,
      uncategorised: 0,
    });
  });
});
