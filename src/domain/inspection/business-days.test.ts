import { describe, expect, it } from 'vitest';
import { businessDaysBetween, median } from './business-days.js';

const at = (day: string) => new Date(`${day}T10:00:00Z`);

describe('business days', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 0, 'same day (Monday)'],
    ['2026-11-23', '2026-11-24', 1, 'Monday → Tuesday'],
    ['2026-11-27', '2026-11-28', 0, 'Friday → Saturday'],
    ['2026-11-27', '2026-11-29', 0, 'Friday → Sunday'],
    ['2026-11-27', '2026-11-30', 1, 'Friday → Monday, across the weekend'],
    ['2026-11-28', '2026-11-30', 1, 'Saturday → Monday'],
    ['2026-11-23', '2026-11-30', 5, 'a full week'],
    ['2026-11-02', '2026-11-30', 20, 'four weeks'],
    ['2026-11-30', '2026-11-23', 0, 'backwards is zero'],
    ['2026-12-31', '2027-01-04', 2, 'across a year end (Thu → Mon)'],
  ])('%s → %s is %i (%s)', (from, to, expected) => {
    expect(businessDaysBetween(at(from), at(to))).toBe(expected);
  });

  it('counts by UTC calendar day, not by elapsed hours', () => {
    expect(businessDaysBetween(new Date('2026-11-23T23:59:00Z'), new Date('2026-11-24T00:01:00Z'))).toBe(1);
    expect(businessDaysBetween(new Date('2026-11-23T00:01:00Z'), new Date('2026-11-23T23:59:00Z'))).toBe(0);
  });

  it('agrees with counting day by day over two years', () => {
    const start = at('2026-01-01');
    for (let offset = 0; offset < 730; offset += 1) {
      const end = new Date(start.getTime() + offset * 86_400_000);
      let counted = 0;
      for (let day = 1; day <= offset; day++) {
        const weekday = new Date(start.getTime() + day * 86_400_000).getUTCDay();
        if (weekday !== 0 && weekday !== 6) counted++;
      }
      expect(businessDaysBetween(start, end)).toBe(counted);
    }
  });
});

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
