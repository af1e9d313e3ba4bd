import type { BookingBucket, PeriodBookings } from '../../domain/revenue/bookings.js';
import type { Retention } from '../../domain/revenue/retention.js';

/** Recurring value is annualised (fractions of a minor unit): shown rounded to whole minor units. */
const minor = (value: number) => String(Math.round(value));

export interface RetentionFigures {
  from: string;
  to: string;
  startingMinor: string;
  churnMinor: string;
  contractionMinor: string;
  expansionMinor: string;
  retainedMinor: string;
  endingMinor: string;
  newMinor: string;
  cohortAccounts: number;
  churnedAccounts: number;
  contractedAccounts: number;
  expandedAccounts: number;
  newAccounts: number;
  grr: number | null;
  nrr: number | null;
}

export function retentionFigures(from: string, to: string, retention: Retention): RetentionFigures {
  return {
    from,
    to,
    startingMinor: minor(retention.startingMinor),
    churnMinor: minor(retention.churn.minor),
    contractionMinor: minor(retention.contraction.minor),
    expansionMinor: minor(retention.expansion.minor),
    retainedMinor: minor(retention.retainedMinor),
    endingMinor: minor(retention.endingMinor),
    newMinor: minor(retention.newAccounts.minor),
    cohortAccounts: retention.cohort.accounts,
    churnedAccounts: retention.churn.accounts,
    contractedAccounts: retention.contraction.accounts,
    expandedAccounts: retention.expansion.accounts,
    newAccounts: retention.newAccounts.accounts,
    grr: retention.grr,
    nrr: retention.nrr,
  };
}

export interface BookingFigures {
  totalMinor: string;
  deals: number;
  byCategory: Record<BookingBucket, string>;
  byType: Array<{ type: string; name: string; category: BookingBucket; amountMinor: string; deals: number }>;
}

export function bookingFigures(bookings: PeriodBookings, typeName: (type: string) => string): BookingFigures {
  return {
    totalMinor: String(bookings.totalMinor),
    deals: bookings.deals,
    byCategory: Object.fromEntries(
      Object.entries(bookings.byCategory).map(([bucket, amount]) => [bucket, String(amount)]),
    ) as Record<BookingBucket, string>,
    byType: bookings.byType.map((entry) => ({
      ...entry,
      name: typeName(entry.type),
      amountMinor: String(entry.amountMinor),
    })),
  };
}
