import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import type { Contract } from '../contract/contract.js';
import { bookingsByPeriod } from './bookings.js';
import { annualValue, retention } from './retention.js';
import { revenueReport } from './revenue-report.js';

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

  it('splits the change into churn (C), contraction (B) and expansion (A), new accounts (D) left out', () => {
    const result = retention(contracts, '2025-01-01', '2026-12-31', convert);
    const b1Annual = 200_000_00 * (365 / 731);
    expect(result.cohort.accounts).toBe(3);
    expect(result.churn).toEqual({ minor: 50_000_00, accounts: 1 });
    expect(result.contraction.accounts).toBe(1);
    expect(result.contraction.minor).toBeCloseTo(b1Annual - 88_000_00, 0);
    expect(result.expansion).toEqual({ minor: 30_000_00, accounts: 1 });
    expect(result.newAccounts).toEqual({ minor: 70_000_00, accounts: 1 });
    expect(result.startingMinor - result.churn.minor - result.contraction.minor).toBeCloseTo(
      result.retainedMinor,
      0,
    );
  });

  it('has no ratio when nothing was in force on the first day', () => {
    expect(retention(contracts, '2023-01-01', '2023-12-31', convert)).toMatchObject({ grr: null, nrr: null });
  });
});

describe('bookings by category and type', () => {
  const rates = { companyCurrency: 'USD', rates: { EUR: '1.10' } };
  const sum = (periodStart: string, type: string, amountMinor: number, currency = 'USD', deals = 1) => ({
    periodStart,
    type,
    currency,
    amountMinor: String(amountMinor),
    deals,
  });

  it('sums won deals per period by their type’s booking category, converted exactly', () => {
    const result = bookingsByPeriod(
      firebolt(),
      ['2026-02-01', '2026-05-01'],
      [
        sum('2026-02-01', 'new_business', 50_000_00),
        sum('2026-02-01', 'upsell', 10_000_00, 'EUR'),
        sum('2026-02-01', 'expansion', 30_000_00, 'USD', 2),
        sum('2026-02-01', 'renewal', 88_000_00),
        sum('2026-05-01', 'renewal', 99_000_00),
      ],
      rates,
    );
    if (!result.ok) throw new Error('refused');
    const first = result.value.get('2026-02-01');
    expect(first?.byCategory).toEqual({
      acquisition: 50_000_00n,
      growth: 11_000_00n + 30_000_00n,
      retention: 88_000_00n,
      uncategorised: 0n,
    });
    expect(first?.totalMinor).toBe(179_000_00n);
    expect(first?.deals).toBe(5);
    expect(first?.byType.find((type) => type.type === 'expansion')).toEqual({
      type: 'expansion',
      category: 'growth',
      amountMinor: 30_000_00n,
      deals: 2,
    });
    expect(result.value.get('2026-05-01')?.byCategory.retention).toBe(99_000_00n);
  });

  it('books a type the playbook gives no category as uncategorised', () => {
    const result = bookingsByPeriod(firebolt(), ['2026-02-01'], [sum('2026-02-01', 'retired', 5_00)], rates);
    expect(result.ok && result.value.get('2026-02-01')?.byCategory.uncategorised).toBe(5_00n);
  });

  it('refuses with every currency that has no rate', () => {
    const result = bookingsByPeriod(
      firebolt(),
      ['2026-02-01'],
      [sum('2026-02-01', 'upsell', 1, 'GBP'), sum('2026-02-01', 'upsell', 1, 'CHF')],
      rates,
    );
    expect(result).toEqual({ ok: false, error: { currencies: ['CHF', 'GBP'] } });
  });
});

describe('the revenue report', () => {
  const periods = [
    { kind: 'fiscal_year' as const, start: '2025-01-01', end: '2025-12-31', label: 'FY2025' },
    { kind: 'fiscal_year' as const, start: '2026-01-01', end: '2026-12-31', label: 'FY2026' },
  ];

  it('measures each period and the whole range (the worked example over two years)', () => {
    const report = revenueReport({
      playbook: firebolt(),
      periods,
      bookings: [],
      contracts,
      rates: { companyCurrency: 'USD', rates: { EUR: '1.10' } },
    });
    if (!report.ok) throw new Error('refused');
    expect(report.value.range.from).toBe('2025-01-01');
    expect(report.value.range.retention.grr?.toFixed(3)).toBe('0.752');
    // FY2025 alone: C churns, A and B hold.
    expect(report.value.periods[0]?.retention.churn).toEqual({ minor: 50_000_00, accounts: 1 });
    expect(report.value.periods[0]?.bookings.totalMinor).toBe(0n);
  });

  it('counts an early renewal instead of the contract it renews from its first day, never both', () => {
    // E: 100k for 2025, renewed early as an Expansion from 1 Jul 2025 at 240k a year. Without the
    // replacement both would count on 31 Dec 2025: 100k + 240k.
    // F: 50k for 2025 and an Upsell's 20k beside it: an Upsell replaces nothing.
    const won = (type: string) => ({
      type,
      openedAt: new Date('2025-05-01T00:00:00Z'),
      renewsContractId: null,
    });
    const renewed = [
      contract('e1', 'E', { tcvMinor: 100_000_00 }),
      {
        ...contract('e2', 'E', { startDate: '2025-07-01', endDate: '2026-06-30', tcvMinor: 240_000_00 }),
        wonFrom: won('expansion'),
      },
      contract('f1', 'F', { tcvMinor: 50_000_00 }),
      { ...contract('f2', 'F', { tcvMinor: 20_000_00 }), wonFrom: won('upsell') },
    ];
    const report = revenueReport({
      playbook: firebolt(),
      periods: [periods[0] as (typeof periods)[number]],
      bookings: [],
      contracts: renewed,
      rates: { companyCurrency: 'USD', rates: {} },
    });
    if (!report.ok) throw new Error('refused');
    const { retention } = report.value.range;
    expect(retention.startingMinor).toBe(100_000_00 + 70_000_00);
    expect(retention.endingMinor).toBe(240_000_00 + 70_000_00);
    expect(retention.expansion).toEqual({ minor: 140_000_00, accounts: 1 });
  });

  it('refuses while a contract in force has a currency without a rate', () => {
    const report = revenueReport({
      playbook: firebolt(),
      periods,
      bookings: [],
      contracts,
      rates: { companyCurrency: 'USD', rates: {} },
    });
    expect(report).toEqual({ ok: false, error: { currencies: ['EUR'] } });
  });
});
