import { describe, expect, it } from 'vitest';
import { type DealMonthRow, foldMonthsIntoPeriods } from './month-rows.js';

const row = (monthStart: string, amountMinor: string, weightedCentiMinor: string): DealMonthRow => ({
  ownerId: 'u1',
  monthStart,
  category: 'commit',
  currency: 'USD',
  amountMinor,
  weightedCentiMinor,
});

describe('month rows folded into the forecast periods', () => {
  it("adds a fiscal quarter's months exactly and rounds the weighted sum once, half up", () => {
    // Fiscal year from February: Feb–Apr 2026 is one quarter, May the next.
    const folded = foldMonthsIntoPeriods(
      [
        row('2026-02-01', '9007199254740993', '50'),
        row('2026-03-01', '1', '50'),
        row('2026-04-01', '1', '50'),
        row('2026-05-01', '7', '149'),
      ],
      'quarter',
      2,
    );
    expect(folded).toEqual([
      expect.objectContaining({
        periodStart: '2026-02-01',
        amountMinor: '9007199254740995',
        weightedMinor: '2',
      }),
      expect.objectContaining({ periodStart: '2026-05-01', amountMinor: '7', weightedMinor: '1' }),
    ]);
  });

  it('keeps owners, categories and currencies apart, and months as months', () => {
    const folded = foldMonthsIntoPeriods(
      [row('2026-02-01', '1', '0'), { ...row('2026-02-01', '2', '0'), currency: 'EUR' }],
      'month',
      2,
    );
    expect(folded.map((r) => [r.periodStart, r.currency, r.amountMinor])).toEqual([
      ['2026-02-01', 'USD', '1'],
      ['2026-02-01', 'EUR', '2'],
    ]);
  });
});
