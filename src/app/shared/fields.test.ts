import { describe, expect, it } from 'vitest';
import { currency, isoDate } from './fields.js';

describe('a currency field', () => {
  it.each(['USD', 'EUR', 'JPY', 'CHF'])('takes the ISO 4217 code %s', (code) => {
    expect(currency.safeParse(code).success).toBe(true);
  });

  it.each([
    ['XYZ', /not an ISO 4217 currency code/],
    ['ZZZ', /not an ISO 4217 currency code/],
    ['usd', /an ISO 4217 currency code such as USD/],
    ['EURO', /an ISO 4217 currency code such as USD/],
  ])('refuses %s, saying why', (code, reason) => {
    const parsed = currency.safeParse(code);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join(' ')).toMatch(reason);
  });
});

describe('a date field', () => {
  it('takes a calendar day and refuses year 0, which PostgreSQL cannot hold', () => {
    expect(isoDate.safeParse('2027-06-30').success).toBe(true);
    expect(isoDate.safeParse('1000-01-01').success).toBe(true);
    const zero = isoDate.safeParse('0000-06-30');
    expect(zero.error?.issues[0]?.message).toBe('a year between 1000 and 9999');
    expect(isoDate.safeParse('2027-02-30').success).toBe(false);
  });
});
