import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertToCompany, type FxRates } from './currency.js';
import { COUNTED_CATEGORIES, cumulative } from './figures.js';
import { isPeriodStart, periodOf, periodsBetween } from './periods.js';
import { type DealSumRow, rollUpForecast } from './roll-up.js';

const RATES: FxRates = { companyCurrency: 'USD', rates: { EUR: '1.1', GBP: '1.25' } };

describe('periods', () => {
  it('counts a deal in the fiscal quarter and year of its close date (fiscal year from February)', () => {
    expect(periodOf('2026-01-31', 'quarter', 2)).toEqual({
      kind: 'quarter',
      start: '2025-11-01',
      end: '2026-01-31',
      label: 'FY2026 Q4',
    });
    expect(periodOf('2026-02-01', 'fiscal_year', 2)).toMatchObject({
      start: '2026-02-01',
      end: '2027-01-31',
      label: 'FY2027',
    });
    expect(periodOf('2026-12-15', 'quarter', 1)).toMatchObject({ start: '2026-10-01', label: 'FY2026 Q4' });
    expect(periodOf('2024-02-10', 'month', 2)).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
  });

  it('lists the periods overlapping a range, each starting the day after the last ended', () => {
    const quarters = periodsBetween('2026-03-15', '2026-12-31', 'quarter', 2);
    expect(quarters.map((q) => q.start)).toEqual(['2026-02-01', '2026-05-01', '2026-08-01', '2026-11-01']);
    expect(isPeriodStart('2026-05-01', 'quarter', 2)).toBe(true);
    expect(isPeriodStart('2026-04-01', 'quarter', 2)).toBe(false);
  });

  it('every date falls inside its period, for every fiscal start month', () => {
    const date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('month', 'quarter', 'fiscal_year' as const),
        (d, month, kind) => {
          const period = periodOf(d, kind, month);
          expect(period.start <= d && d <= period.end).toBe(true);
          if (kind !== 'month')
            expect(Number(periodOf(period.start, 'fiscal_year', month).start.slice(5, 7))).toBe(month);
        },
      ),
    );
  });
});

describe('convertToCompany', () => {
  it('converts exactly and refuses a currency without a rate', () => {
    expect(convertToCompany(1000, 'EUR', RATES)).toEqual({ ok: true, value: 1100n });
    expect(convertToCompany('999999999999999999', 'USD', RATES)).toEqual({
      ok: true,
      value: 999999999999999999n,
    });
    expect(convertToCompany(5, 'GBP', RATES)).toEqual({ ok: true, value: 6n }); // 6.25 → 6
    expect(convertToCompany(1000, 'JPY', RATES)).toEqual({
      ok: false,
      error: { code: 'rate_missing', currency: 'JPY' },
    });
  });
});

const OWNERS = [
  { id: 'u1', name: 'Ada', region: 'EMEA' },
  { id: 'u2', name: 'Ben', region: 'EMEA' },
  { id: 'u3', name: 'Cy', region: 'US' },
];
const Q = periodsBetween('2026-02-01', '2026-07-31', 'quarter', 2);
const row = (
  ownerId: string,
  periodStart: string,
  category: string,
  currency: string,
  amount: number,
  weighted = 0,
): DealSumRow => ({
  ownerId,
  periodStart,
  category,
  currency,
  amountMinor: String(amount),
  weightedMinor: String(weighted),
});

describe('the roll-up, against a hand-computed fixture', () => {
  const rows = [
    row('u1', '2026-02-01', 'closed', 'USD', 40_000, 40_000),
    row('u1', '2026-02-01', 'commit', 'EUR', 10_000, 9_000), // → 11 000 USD, weighted 9 900
    row('u1', '2026-02-01', 'best_case', 'USD', 20_000, 10_000),
    row('u1', '2026-02-01', 'omitted', 'USD', 99_000, 0),
    row('u2', '2026-02-01', 'pipeline', 'USD', 30_000, 6_000),
    row('u3', '2026-05-01', 'closed', 'GBP', 8_000, 8_000), // → 10 000 USD
  ];
  const quotas = [
    { ownerId: 'u1', periodStart: '2026-02-01', amountMinor: '100000' },
    { ownerId: 'u2', periodStart: '2026-02-01', amountMinor: '50000' },
  ];
  const result = rollUpForecast({ periods: Q, owners: OWNERS, rows, quotas, rates: RATES });
  if (!result.ok) throw new Error('fixture');
  const forecast = result.value;

  it("gives an owner's individual and cumulative categories, weighted, attainment and coverage", () => {
    const ada = forecast.owners[0]?.periods[0]?.figures;
    expect(ada).toEqual({
      individual: { closed: '40000', commit: '11000', best_case: '20000', pipeline: '0' },
      cumulative: { closed: '40000', commit: '51000', best_case: '71000', pipeline: '71000' },
      weightedMinor: '19900',
      quotaMinor: '100000',
      attainment: 0.4,
      coverage: 0.5167, // 31 000 / 60 000
    });
  });

  it("sums a region's owners and the company's regions", () => {
    const emea = forecast.regions.find((r) => r.region === 'EMEA')?.periods[0]?.figures;
    expect(emea).toMatchObject({
      cumulative: { closed: '40000', commit: '51000', best_case: '71000', pipeline: '101000' },
      weightedMinor: '25900',
      quotaMinor: '150000',
      attainment: 0.2667,
      coverage: 0.5545, // 61 000 / 110 000
    });
    const company = forecast.company.periods;
    expect(company[1]?.figures.individual.closed).toBe('10000');
    expect(company[1]?.figures.quotaMinor).toBeNull();
    expect(company[1]?.figures.attainment).toBeNull();
  });

  it('refuses with every currency that has no rate', () => {
    const refused = rollUpForecast({
      periods: Q,
      owners: OWNERS,
      rows: [row('u1', '2026-02-01', 'commit', 'JPY', 1), row('u2', '2026-02-01', 'commit', 'CHF', 1)],
      quotas: [],
      rates: RATES,
    });
    expect(refused).toEqual({ ok: false, error: { code: 'rate_missing', currencies: ['CHF', 'JPY'] } });
  });
});

describe('forecast properties', () => {
  const rowArb = fc.record({
    ownerId: fc.constantFrom('u1', 'u2', 'u3'),
    periodStart: fc.constantFrom(...Q.map((q) => q.start)),
    category: fc.constantFrom(...COUNTED_CATEGORIES, 'omitted'),
    currency: fc.constantFrom('USD', 'EUR', 'GBP'),
    amountMinor: fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String),
    weightedMinor: fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String),
  });

  it('cumulative = running sum of the individual categories', () => {
    const sums = fc.record({
      closed: fc.bigInt(),
      commit: fc.bigInt(),
      best_case: fc.bigInt(),
      pipeline: fc.bigInt(),
    });
    fc.assert(
      fc.property(sums, (individual) => {
        const c = cumulative(individual);
        expect(c.closed).toBe(individual.closed);
        expect(c.commit).toBe(c.closed + individual.commit);
        expect(c.best_case).toBe(c.commit + individual.best_case);
        expect(c.pipeline).toBe(c.best_case + individual.pipeline);
      }),
    );
  });

  it('a region = the sum of its owners; the company = the sum of its regions; conversion keeps totals', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const result = rollUpForecast({ periods: Q, owners: OWNERS, rows, quotas: [], rates: RATES });
        if (!result.ok) throw new Error('every rate is there');
        const { company, regions, owners } = result.value;
        Q.forEach((_, index) => {
          for (const category of COUNTED_CATEGORIES) {
            const value = (figures: { individual: Record<string, string> } | undefined) =>
              BigInt(figures?.individual[category] ?? 'x');
            for (const region of regions) {
              const ofOwners = owners
                .filter((owner) => region.ownerIds.includes(owner.id))
                .reduce((sum, owner) => sum + value(owner.periods[index]?.figures), 0n);
              expect(value(region.periods[index]?.figures)).toBe(ofOwners);
            }
            const ofRegions = regions.reduce(
              (sum, region) => sum + value(region.periods[index]?.figures),
              0n,
            );
            expect(value(company.periods[index]?.figures)).toBe(ofRegions);
            // Each row converted once: the company total is the sum of the rows' converted amounts.
            const converted = rows
              .filter((r) => r.category === category && r.periodStart === Q[index]?.start)
              .reduce((sum, r) => {
                const c = convertToCompany(r.amountMinor, r.currency, RATES);
                return sum + (c.ok ? c.value : 0n);
              }, 0n);
            expect(value(company.periods[index]?.figures)).toBe(converted);
          }
        });
      }),
    );
  });

  it('conversion at rate 1 keeps an amount, and at any rate stays within half a minor unit of exact', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (amount, scaled) => {
          const rate = (scaled / 10_000).toFixed(4);
          const rates: FxRates = { companyCurrency: 'USD', rates: { EUR: rate, CHF: '1' } };
          expect(convertToCompany(amount, 'CHF', rates)).toEqual({ ok: true, value: amount });
          const result = convertToCompany(amount, 'EUR', rates);
          if (!result.ok) throw new Error('rate');
          const exactTimes10k = amount * BigInt(scaled);
          const diff = result.value * 10_000n - exactTimes10k;
          expect(diff <= 5_000n && diff >= -5_000n).toBe(true);
        },
      ),
    );
  });
});
