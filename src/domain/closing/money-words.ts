/**
 * An amount in minor units as people read it: 25000000 EUR → "EUR 250,000.00" (the currency's own decimals).
 * Exact for any integer: the minor units become a decimal string (no division in floating point), which
 * Intl formats digit for digit.
 */
export function moneyWords(amountMinor: number | bigint, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' });
  // Intl.NumberFormat v3 formats a numeric string exactly (Node 19+); the lib typings still say number.
  const decimal = minorToDecimal(amountMinor, currency) as unknown as number;
  return format.format(decimal).replace(/\u00a0/g, ' ');
}

/** An amount in minor units as a plain decimal string in the currency's own decimals: 25000000 EUR → "250000.00". */
export function minorToDecimal(amountMinor: number | bigint, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const minor = BigInt(amountMinor);
  const magnitude = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  return `${minor < 0n ? '-' : ''}${whole}${digits > 0 ? `.${magnitude.slice(-digits)}` : ''}`;
}
