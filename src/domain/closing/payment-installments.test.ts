import { describe, expect, it } from 'vitest';
import { addMonths, installmentsFor } from './payment-installments.js';

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-03-01', 0, '2026-03-01'],
    ['2026-12-31', 12, '2027-12-31'],
  ] as const)('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('installmentsFor', () => {
  const start = '2026-04-01';
  it('charges upfront once', () => {
    expect(
      installmentsFor({ tcvMinor: 120_000n, termMonths: 24, schedule: 'upfront', startDate: start }),
    ).toEqual([{ chargeDate: start, amountMinor: 120_000n }]);
  });
  it('splits annual charges and puts the remainder first', () => {
    const charges = installmentsFor({
      tcvMinor: 100_001n,
      termMonths: 36,
      schedule: 'annual',
      startDate: start,
    });
    expect(charges).toEqual([
      { chargeDate: '2026-04-01', amountMinor: 33_335n },
      { chargeDate: '2027-04-01', amountMinor: 33_333n },
      { chargeDate: '2028-04-01', amountMinor: 33_333n },
    ]);
  });
  it.each(['annual', 'semiannual', 'quarterly', 'monthly'] as const)(
    '%s charges add up to the TCV',
    (schedule) => {
      const charges = installmentsFor({ tcvMinor: 987_654_321n, termMonths: 18, schedule, startDate: start });
      expect(charges.reduce((sum, charge) => sum + charge.amountMinor, 0n)).toBe(987_654_321n);
    },
  );
  it('charges a last, shorter period too', () => {
    expect(
      installmentsFor({ tcvMinor: 300n, termMonths: 18, schedule: 'annual', startDate: start }),
    ).toHaveLength(2);
  });
});
