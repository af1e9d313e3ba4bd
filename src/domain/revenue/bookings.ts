import type { BookingCategory, Playbook } from '../playbook/playbook.js';
import type { ConvertMinor } from './retention.js';

/** A won deal as bookings count it. */
export interface Booking {
  type: string;
  amountMinor: number;
  currency: string;
  /** The day it was won ('YYYY-MM-DD'). */
  wonOn: string;
}

export type BookingsByCategory = Record<BookingCategory | 'uncategorised', number>;

/**
 * Bookings won in [from, to] (inclusive) by the booking category of their type (the playbook's
 * `opportunityTypes[].bookingCategory`), in company-currency minor units; types without one are
 * `uncategorised`.
 */
export function bookingsByCategory(
  playbook: Playbook,
  bookings: readonly Booking[],
  from: string,
  to: string,
  convert: ConvertMinor,
): BookingsByCategory {
  const totals: BookingsByCategory = { acquisition: 0, growth: 0, retention: 0, uncategorised: 0 };
  const categoryOf = new Map(playbook.opportunityTypes.map((type) => [type.key, type.bookingCategory]));
  for (const booking of bookings) {
    if (booking.wonOn < from || booking.wonOn > to) continue;
    const category = categoryOf.get(booking.type) ?? 'uncategorised';
    totals[category] += convert(booking.amountMinor, booking.currency);
  }
  return totals;
}
