/** The largest amount, in whole units, whose minor units the API takes (an integer up to 2^53 − 1). */
export const MAX_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/**
 * An amount typed in whole units of the currency (the form's number input gives a number, or the text it
 * holds) as the API's integer minor units (cents); null when there is no amount. Every currency is counted in
 * hundredths, as the app shows amounts.
 */
export function toMinor(amount: number | string): number | null {
  if (amount === '') return null;
  const value = typeof amount === 'number' ? amount : Number(amount.replace(/[,\s]/g, ''));
  if (!Number.isFinite(value)) return null;
  return Math.round(value * 100);
}
