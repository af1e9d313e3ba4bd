import { err, ok, type Result } from '../result.js';

/**
 * Rates to the company currency, per ISO 4217 currency: one unit of the currency is worth `rate` units of the
 * company currency. Rates are decimal text (`"1.0845"`), kept exact; the company currency is 1 without a row.
 */
export interface FxRates {
  companyCurrency: string;
  rates: Readonly<Record<string, string>>;
}

export interface MissingRate {
  code: 'rate_missing';
  currency: string;
}

/** Up to 12 decimals, no sign, no exponent: what the rates table stores. */
export const RATE_PATTERN = /^(?:0|[1-9]\d{0,8})(?:\.\d{1,12})?$/;

function parseRate(rate: string): { numerator: bigint; denominator: bigint } | null {
  if (!RATE_PATTERN.test(rate)) return null;
  const [whole = '0', fraction = ''] = rate.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** Rounds numerator/denominator half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/**
 * An amount in minor units of `currency` (integer, or a decimal-string sum) in minor units of the company
 * currency, rounded half away from zero; refused when the table has no (usable) rate for the currency.
 * Minor units are taken as alike across currencies (the rates are kept per currency unit of two decimals).
 */
export function convertToCompany(
  minor: bigint | number | string,
  currency: string,
  rates: FxRates,
): Result<bigint, MissingRate> {
  const amount = BigInt(minor);
  if (currency === rates.companyCurrency) return ok(amount);
  const text = rates.rates[currency];
  const rate = text === undefined ? null : parseRate(text);
  if (!rate || rate.numerator === 0n) return err({ code: 'rate_missing', currency });
  return ok(divideRounded(amount * rate.numerator, rate.denominator));
}
