import { describe, expect, it } from 'vitest';
import { fiscalYearStarting, fiscalYearsAround } from './fiscal-calendar';

describe('the fiscal calendar of the settings page', () => {
  it('names a year starting in February by the year it ends in, with its four quarters', () => {
    const year = fiscalYearStarting(2026, 2);
    expect(year).toMatchObject({ label: 'FY2027', start: '2026-02-01', end: '2027-01-31' });
    expect(year.quarters.map((q) => [q.label, q.start, q.end])).toEqual([
      ['FY2027 Q1', '2026-02-01', '2026-04-30'],
      ['FY2027 Q2', '2026-05-01', '2026-07-31'],
      ['FY2027 Q3', '2026-08-01', '2026-10-31'],
      ['FY2027 Q4', '2026-11-01', '2027-01-31'],
    ]);
    expect(fiscalYearStarting(2026, 1)).toMatchObject({ label: 'FY2026', end: '2026-12-31' });
  });

  it('offers the year today is in, the one before and the one after', () => {
    const january = fiscalYearsAround(new Date('2027-01-15T00:00:00Z'), 2);
    expect(january.map((y) => y.label)).toEqual(['FY2026', 'FY2027', 'FY2028']);
    const february = fiscalYearsAround(new Date('2027-02-01T00:00:00Z'), 2);
    expect(february.map((y) => y.label)).toEqual(['FY2027', 'FY2028', 'FY2029']);
  });
});
