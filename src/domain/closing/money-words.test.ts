import { describe, expect, it } from 'vitest';
import { moneyWords } from './money-words.js';

describe('money in words', () => {
  it.each([
    [25_000_000, 'EUR', 'EUR 250,000.00'],
    [5, 'USD', 'USD 0.05'],
    [-5, 'USD', '-USD 0.05'],
    [0, 'USD', 'USD 0.00'],
    [1_234, 'JPY', 'JPY 1,234'],
    [1_234_567, 'BHD', 'BHD 1,234.567'],
    [999_999_999_999_999, 'USD', 'USD 9,999,999,999,999.99'],
    [9_999_999_999_999_999n, 'USD', 'USD 99,999,999,999,999.99'],
  ] as const)('%s %s → %s, digit for digit', (amount, currency, words) => {
    expect(moneyWords(amount, currency)).toBe(words);
  });
});
