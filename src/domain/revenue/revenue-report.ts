import { convertToCompany, type FxRates } from '../forecast/currency.js';
import type { Period } from '../forecast/periods.js';
import type { Playbook } from '../playbook/playbook.js';
import { err, ok, type Result } from '../result.js';
import { type BookingSum, bookingsByPeriod, type PeriodBookings } from './bookings.js';
import { type RevenueContract, replacedUntil } from './renewed-contracts.js';
import { type RecurringContract, type Retention, recurringContracts, retentionOf } from './retention.js';

export interface PeriodRevenue {
  period: Period;
  bookings: PeriodBookings;
  /** Retention from the period's first day to its last. */
  retention: Retention;
}

export interface RevenueReport {
  periods: PeriodRevenue[];
  /** Retention from the first period's first day to the last period's last day. */
  range: { from: string; to: string; retention: Retention };
}

/** The commit contracts valued in the company currency, once; the currencies without a rate are noted. */
function valued(
  playbook: Playbook,
  contracts: readonly RevenueContract[],
  rates: FxRates,
  missing: Set<string>,
): RecurringContract[] {
  const renews = (type: string) =>
    playbook.opportunityTypes.some((t) => t.key === type && t.renewsContract !== undefined);
  const convert = (minor: number, currency: string) => {
    const converted = convertToCompany(minor, currency, rates);
    if (converted.ok) return Number(converted.value);
    missing.add(currency);
    return 0;
  };
  return recurringContracts(contracts, convert, replacedUntil(contracts, renews));
}

/**
 * The revenue implications of the periods (docs/decisions/020-revenue.md): bookings of the deals won in each
 * by category and type, and GRR / NRR from the commit contracts, each period on its own and over the whole
 * range. Refused with every currency the rates table lacks (the deals' and the contracts' in the range).
 */
export function revenueReport(input: {
  playbook: Playbook;
  periods: readonly Period[];
  bookings: readonly BookingSum[];
  contracts: readonly RevenueContract[];
  rates: FxRates;
}): Result<RevenueReport, { currencies: string[] }> {
  const { periods } = input;
  const first = periods[0];
  const last = periods.at(-1);
  const booked = bookingsByPeriod(
    input.playbook,
    periods.map((period) => period.start),
    input.bookings,
    input.rates,
  );
  const missing = new Set(booked.ok ? [] : booked.error.currencies);
  const contracts = valued(input.playbook, input.contracts, input.rates, missing);
  const rows = periods.map((period) => ({
    period,
    retention: retentionOf(contracts, period.start, period.end),
  }));
  const from = first?.start ?? '';
  const to = last?.end ?? '';
  const overall = retentionOf(contracts, from, to);
  if (missing.size > 0 || !booked.ok) return err({ currencies: [...missing].sort() });
  return ok({
    periods: rows.map((row) => ({
      ...row,
      bookings: booked.value.get(row.period.start) as PeriodBookings,
    })),
    range: { from, to, retention: overall },
  });
}
