import { convertToCompany, type FxRates } from '../forecast/currency.js';
import { BOOKING_CATEGORIES, type Playbook } from '../playbook/playbook.js';
import { err, ok, type Result } from '../result.js';

/** Won deals of one type in one currency won in one period, summed (what the query returns). */
export interface BookingSum {
  /** First day of the period the deals were won in. */
  periodStart: string;
  type: string;
  currency: string;
  /** Σ amounts in minor units of `currency`, decimal text. */
  amountMinor: string;
  deals: number;
}

export const BOOKING_BUCKETS = [...BOOKING_CATEGORIES, 'uncategorised'] as const;
export type BookingBucket = (typeof BOOKING_BUCKETS)[number];
export type BookingsByCategory = Record<BookingBucket, bigint>;

export interface TypeBookings {
  type: string;
  category: BookingBucket;
  /** Company-currency minor units. */
  amountMinor: bigint;
  deals: number;
}

export interface PeriodBookings {
  totalMinor: bigint;
  deals: number;
  byCategory: BookingsByCategory;
  /** Every type of the playbook, in its order, then any type the records still name. */
  byType: TypeBookings[];
}

const emptyCategories = (): BookingsByCategory =>
  Object.fromEntries(BOOKING_BUCKETS.map((bucket) => [bucket, 0n])) as BookingsByCategory;

/**
 * Bookings per period by the booking category of their type (the playbook's
 * `opportunityTypes[].bookingCategory`, `uncategorised` without one) and by type, in company-currency minor
 * units, each sum converted exactly (convertToCompany). Refused with every currency the rates table lacks.
 */
export function bookingsByPeriod(
  playbook: Playbook,
  periodStarts: readonly string[],
  sums: readonly BookingSum[],
  rates: FxRates,
): Result<Map<string, PeriodBookings>, { currencies: string[] }> {
  const categoryOf = new Map(playbook.opportunityTypes.map((type) => [type.key, type.bookingCategory]));
  const typeKeys = [
    ...new Set([...playbook.opportunityTypes.map((type) => type.key), ...sums.map((sum) => sum.type)]),
  ];
  const byPeriod = new Map<string, PeriodBookings>();
  for (const start of periodStarts) {
    byPeriod.set(start, {
      totalMinor: 0n,
      deals: 0,
      byCategory: emptyCategories(),
      byType: typeKeys.map((type) => ({
        type,
        category: categoryOf.get(type) ?? 'uncategorised',
        amountMinor: 0n,
        deals: 0,
      })),
    });
  }
  const missing = new Set<string>();
  for (const sum of sums) {
    const period = byPeriod.get(sum.periodStart);
    if (!period) continue;
    const converted = convertToCompany(sum.amountMinor, sum.currency, rates);
    if (!converted.ok) {
      missing.add(sum.currency);
      continue;
    }
    const type = period.byType.find((entry) => entry.type === sum.type);
    if (!type) continue;
    type.amountMinor += converted.value;
    type.deals += sum.deals;
    period.byCategory[type.category] += converted.value;
    period.totalMinor += converted.value;
    period.deals += sum.deals;
  }
  if (missing.size > 0) return err({ currencies: [...missing].sort() });
  return ok(byPeriod);
}
