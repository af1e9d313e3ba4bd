import { describe, expect, it } from 'vitest';
import { formatTotal, moneyLine, sumAmounts, unitsOf } from './money-totals';

describe('sums of money from decimal strings', () => {
  it('adds per currency with BigInt, past 2^53', () => {
    const big = '9007199254740993'; // 2^53 + 1: a Number would round it
    expect(
      sumAmounts(
        [{ currency: 'USD', amountMinor: big }],
        [
          { currency: 'EUR', amountMinor: '5' },
          { currency: 'USD', amountMinor: '7' },
        ],
      ),
    ).toEqual([
      { currency: 'EUR', amountMinor: '5' },
      { currency: 'USD', amountMinor: '9007199254741000' },
    ]);
  });

  it('reads minor units as exact whole units', () => {
    expect(unitsOf('123456')).toBe('1234.56');
    expect(unitsOf('5')).toBe('0.05');
    expect(unitsOf('0')).toBe('0.00');
    expect(unitsOf('-250')).toBe('-2.50');
    expect(unitsOf('900719925474099312')).toBe('9007199254740993.12');
  });

  it('writes each currency, compact or in full', () => {
    expect(formatTotal({ currency: 'USD', amountMinor: '420000000' })).toBe('$4.2M');
    expect(formatTotal({ currency: 'USD', amountMinor: '421350000' }, false)).toBe('$4,213,500');
    expect(formatTotal({ currency: 'USD', amountMinor: '900719925474099300' }, false)).toBe(
      '$9,007,199,254,740,993',
    );
    expect(
      moneyLine([
        { currency: 'USD', amountMinor: '420000000' },
        { currency: 'EUR', amountMinor: '31000000' },
        { currency: 'USD', amountMinor: '10000000' },
      ]),
    ).toBe('€310K + $4.3M');
    expect(moneyLine([])).toBe('');
  });
});
