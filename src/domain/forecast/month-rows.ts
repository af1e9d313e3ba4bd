import { type PeriodKind, periodOf } from './periods.js';
import type { DealSumRow } from './roll-up.js';

/** One SQL aggregate row by calendar month: an owner's deals of one month, category and currency. */
export interface DealMonthRow {
  ownerId: string;
  /** First day of the calendar month (YYYY-MM-DD). */
  monthStart: string;
  category: string;
  currency: string;
  /** Σ amount, minor units of `currency`, decimal text. */
  amountMinor: string;
  /** Σ amount × probability (percent), not yet divided by 100: rounded once per period. */
  weightedCentiMinor: string;
}

/**
 * Month rows folded into the rows of the forecast's periods (a fiscal quarter or year is a run of calendar
 * months): the sums added exactly, the weighted sum divided by 100 and rounded half up once per period, as
 * `round(sum(amount × probability) / 100)` over the period's deals would.
 */
export function foldMonthsIntoPeriods(
  rows: readonly DealMonthRow[],
  kind: PeriodKind,
  fiscalYearStartMonth: number,
): DealSumRow[] {
  const periodOfMonth = new Map<string, string>();
  const sums = new Map<
    string,
    { row: Omit<DealSumRow, 'amountMinor' | 'weightedMinor'>; amount: bigint; weighted: bigint }
  >();
  for (const row of rows) {
    let periodStart = periodOfMonth.get(row.monthStart);
    if (!periodStart) {
      periodStart = periodOf(row.monthStart, kind, fiscalYearStartMonth).start;
      periodOfMonth.set(row.monthStart, periodStart);
    }
    const key = `${row.ownerId}\u0000${periodStart}\u0000${row.category}\u0000${row.currency}`;
    const sum = sums.get(key) ?? {
      row: { ownerId: row.ownerId, periodStart, category: row.category, currency: row.currency },
      amount: 0n,
      weighted: 0n,
    };
    sum.amount += BigInt(row.amountMinor);
    sum.weighted += BigInt(row.weightedCentiMinor);
    sums.set(key, sum);
  }
  return [...sums.values()].map(({ row, amount, weighted }) => ({
    ...row,
    amountMinor: String(amount),
    weightedMinor: String((weighted + 50n) / 100n),
  }));
}
