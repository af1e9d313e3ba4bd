/** An amount in minor units as people read it: 25000000 EUR → "EUR 250,000.00" (the currency's own decimals). */
export function moneyWords(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits).replace(/\u00a0/g, ' ');
}
