/**
 * Forecast periods: calendar months, and quarters and years of the fiscal calendar (which starts in the
 * playbook's `forecast.fiscalYearStartMonth`). A deal counts in the period of its close date. Dates are
 * 'YYYY-MM-DD' strings, UTC.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'fiscal_year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** First day of the period. */
  start: string;
  /** Last day of the period. */
  end: string;
  /** FY names the year the fiscal year ends in (FY2027 starts in February 2026 when it starts in February). */
  label: string;
}

const MONTHS_PER: Record<PeriodKind, number> = { month: 1, quarter: 3, fiscal_year: 12 };
const MONTH_NAMES = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

const iso = (year: number, monthIndex: number, day: number) =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/** Months since year 0 of a date's month (0-based), so month arithmetic is integer arithmetic. */
const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function periodFromMonth(kind: PeriodKind, first: number, fiscalStartMonth: number): Period {
  const year = Math.floor(first / 12);
  const month = first % 12;
  const length = MONTHS_PER[kind];
  const start = iso(year, month, 1);
  const end = iso(year, month + length, 0);
  const offset = fiscalStartMonth - 1;
  const fiscalYear = Math.floor((first - offset) / 12) + (offset === 0 ? 0 : 1);
  const quarter = Math.floor(((((first - offset) % 12) + 12) % 12) / 3) + 1;
  const label =
    kind === 'month'
      ? `${MONTH_NAMES[month]} ${year}`
      : kind === 'quarter'
        ? `FY${fiscalYear} Q${quarter}`
        : `FY${fiscalYear}`;
  return { kind, start, end, label };
}

/** The period of `kind` that contains `date`. */
export function periodOf(date: string, kind: PeriodKind, fiscalStartMonth: number): Period {
  const months = monthNumber(date);
  const length = MONTHS_PER[kind];
  const offset = kind === 'month' ? 0 : fiscalStartMonth - 1;
  const first = Math.floor((months - offset) / length) * length + offset;
  return periodFromMonth(kind, first, fiscalStartMonth);
}

/** Every period of `kind` that overlaps from…to (inclusive), in order; at most `limit` + 1 of them (a range too long is told by the extra one). */
export function periodsBetween(
  from: string,
  to: string,
  kind: PeriodKind,
  fiscalStartMonth: number,
  limit = Number.POSITIVE_INFINITY,
): Period[] {
  const periods: Period[] = [];
  let period = periodOf(from, kind, fiscalStartMonth);
  while (period.start <= to && periods.length <= limit) {
    periods.push(period);
    period = periodFromMonth(kind, monthNumber(period.start) + MONTHS_PER[kind], fiscalStartMonth);
  }
  return periods;
}

/** Whether `start` is the first day of a period of `kind` (what submissions and quotas name a period by). */
export function isPeriodStart(start: string, kind: PeriodKind, fiscalStartMonth: number): boolean {
  return periodOf(start, kind, fiscalStartMonth).start === start;
}
