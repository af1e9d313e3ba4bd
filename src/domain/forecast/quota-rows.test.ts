import { describe, expect, it } from 'vitest';
import { lineProblem, mapQuotaRow, missingQuotaColumns } from './quota-rows.js';

// A fiscal year starting in February: quarters start Feb, May, Aug, Nov.
const rules = { companyCurrency: 'USD', fiscalYearStartMonth: 2, maxAmountMinor: 999_999_999_999_999 };
const row = (values: Record<string, string>) => ({
  OwnerEmail: 'ada@example.com',
  Period: 'quarter',
  PeriodStart: '2026-05-01',
  Amount: '250000.50',
  ...values,
});

describe('a quota file row', () => {
  it('maps the owner, the period and the amount in the company currency’s minor units', () => {
    expect(mapQuotaRow(row({}), rules)).toEqual({
      ok: true,
      value: {
        ownerEmail: 'ada@example.com',
        periodKind: 'quarter',
        periodStart: '2026-05-01',
        amountMinor: 25_000_050,
      },
    });
    const year = mapQuotaRow(
      row({ Period: ' Fiscal_Year ', PeriodStart: '2026-02-01', Amount: '1,000,000' }),
      rules,
    );
    expect(year).toMatchObject({ ok: true, value: { periodKind: 'fiscal_year', amountMinor: 100_000_000 } });
  });

  it('names each bad column, all of them at once', () => {
    const bad = mapQuotaRow(
      { OwnerEmail: 'nobody', Period: 'week', PeriodStart: '2026-02-30', Amount: '-5' },
      rules,
    );
    expect(bad).toEqual({
      ok: false,
      error: [
        { field: 'OwnerEmail', message: 'is not an e-mail address' },
        { field: 'Period', message: '"week" is not month, quarter or fiscal_year' },
        { field: 'PeriodStart', message: '"2026-02-30" is not a day written YYYY-MM-DD' },
        { field: 'Amount', message: 'must be a non-negative decimal number, e.g. 12500.00' },
      ],
    });
    const blank = mapQuotaRow({}, rules);
    expect(blank.ok ? [] : blank.error.map((p) => p.field)).toEqual([
      'OwnerEmail',
      'Period',
      'PeriodStart',
      'Amount',
    ]);
  });

  it('refuses a day that does not start a period of the fiscal calendar, and cents past the currency’s', () => {
    expect(mapQuotaRow(row({ PeriodStart: '2026-04-01' }), rules)).toEqual({
      ok: false,
      error: [
        {
          field: 'PeriodStart',
          message: '2026-04-01 is not the first day of a quarter of the fiscal calendar',
        },
      ],
    });
    expect(mapQuotaRow(row({ Amount: '10.005' }), rules)).toEqual({
      ok: false,
      error: [{ field: 'Amount', message: 'has more than 2 decimal places for USD' }],
    });
    expect(mapQuotaRow(row({ Amount: '10' }), { ...rules, maxAmountMinor: 999 })).toMatchObject({
      ok: false,
    });
  });

  it('says problems by line, and which columns a header lacks', () => {
    expect(lineProblem(4, { field: 'Amount', message: 'is required' })).toBe('line 4, Amount: is required');
    expect(missingQuotaColumns(['OwnerEmail', 'Amount'])).toEqual(['Period', 'PeriodStart']);
  });
});
