import { describe, expect, it } from 'vitest';
import { currency } from './fields.js';

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
