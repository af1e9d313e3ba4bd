const DAY = 86_400_000;

/** Days since 1970-01-01 (a Thursday) of the UTC calendar day of `at`. */
export const dayNumber = (at: Date) => Math.floor(at.getTime() / DAY);

/** Weekdays among the days 0..6 after a Thursday: Fri, Sat, Sun, Mon, Tue, Wed (built once, not per call). */
const WEEKDAYS_IN_REST = [0, 1, 1, 1, 2, 3, 4] as const;

/** Weekdays (Mon–Fri) among day numbers 1..n after a Thursday-based epoch. */
function weekdaysUpTo(day: number): number {
  const weeks = Math.floor(day / 7);
  const rest = day % 7; // days after a Thursday: Fri, Sat, Sun, Mon, Tue, Wed
  const weekdaysInRest = WEEKDAYS_IN_REST[rest] ?? 0;
  return weeks * 5 + weekdaysInRest;
}

/** `businessDaysBetween` on day numbers (`dayNumber`): what the fast evaluator counts with. */
export function businessDaysBetweenDays(start: number, end: number): number {
  return end <= start ? 0 : weekdaysUpTo(end) - weekdaysUpTo(start);
}

/**
 * Business days (Monday–Friday, UTC calendar days) after `from`'s day up to and including `to`'s day:
 * Friday → Monday is 1, Friday → Sunday is 0, the same day is 0. Never negative.
 */
export function businessDaysBetween(from: Date, to: Date): number {
  return businessDaysBetweenDays(dayNumber(from), dayNumber(to));
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
