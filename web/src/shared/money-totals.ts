import type { MoneyTotal } from '../api';

/**
 * Sums of money as the API gives them — minor units as decimal strings, which may pass 2^53 — added with
 * BigInt per currency and written per currency: "$4.2M", "$4.2M + €310K".
 */

/** Adds lists of per-currency sums into one per currency, in currency order. */
export function sumAmounts(...lists: ReadonlyArray<readonly MoneyTotal[]>): MoneyTotal[] {
  const sums = new Map<string, bigint>();
  for (const list of lists)
    for (const { currency, amountMinor } of list)
      sums.set(currency, (sums.get(currency) ?? 0n) + BigInt(amountMinor));
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => ({ currency, amountMinor: sum.toString() }));
}

/** Minor units (a decimal string, cents) as an exact decimal string of whole units: "123456" → "1234.56". */
export function unitsOf(amountMinor: string): string {
  const minor = BigInt(amountMinor);
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: compact ? 1 : 0,
      ...(compact && { notation: 'compact' }),
    });
    formats.set(key, format);
  }
  return format;
}

/** One currency's sum: "$4.2M" (compact) or "$4,213,500" — exact however large (Intl formats decimal strings). */
export function formatTotal({ currency, amountMinor }: MoneyTotal, compact = true): string {
  return formatFor(currency, compact).format(unitsOf(amountMinor) as Intl.StringNumericLiteral);
}

/** Every currency's sum, summed first: "$4.2M + €310K"; "" when there is none. */
export function moneyLine(amounts: readonly MoneyTotal[], compact = true): string {
  return sumAmounts(amounts)
    .map((total) => formatTotal(total, compact))
    .join(' + ');
}
