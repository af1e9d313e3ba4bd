const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Whole units of a currency, e.g. "$240,000" (amounts are integer minor units). */
export function formatMoney(amountMinor: number, currency: string, compact = false): string {
  const key = `${currency}:${compact}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: compact ? 1 : 0,
      ...(compact && { notation: 'compact' }),
    });
    moneyFormats.set(key, format);
  }
  return format.format(amountMinor / 100);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "31 Mar 2027" from YYYY-MM-DD or an ISO instant. */
export function formatDate(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** "31 Mar 2027, 14:05 UTC". */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${dateTimeFormat.format(date)} UTC`;
}

/** Whole days from an instant to now. */
export function daysSince(instant: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(instant).getTime()) / 86_400_000));
}

/** "2027-Q1" for a date. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The quarters from `back` before to `ahead` after the one of `now`, oldest first. */
export function quartersAround(now: Date, back: number, ahead: number): string[] {
  const quarters: string[] = [];
  for (let offset = -back; offset <= ahead; offset += 1) {
    quarters.push(quarterOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset * 3, 1))));
  }
  return quarters;
}

/** snake_case keys as words: "mid_market" → "Mid market". */
export function humanize(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ROLE_NAMES: Record<string, string> = {
  ae: 'Account Executive',
  sdr: 'SDR',
  se: 'Solutions Engineer',
  csm: 'CSM',
  rvp: 'Regional VP',
  vp_finance: 'VP Finance',
  revops_admin: 'RevOps admin',
  viewer: 'Viewer',
};
const REGION_NAMES: Record<string, string> = { americas: 'Americas', emea: 'EMEA', japac: 'JAPAC' };

export const roleName = (role: string) => ROLE_NAMES[role] ?? humanize(role);
export const regionName = (region: string) => REGION_NAMES[region] ?? humanize(region);

const DAY_MS = 86_400_000;

/** Weekdays (Mon–Fri) among the day numbers 1..day counted from 1970-01-01, a Thursday. */
function weekdaysUpTo(day: number): number {
  const rest = ((day % 7) + 7) % 7; // days after a Thursday: Fri, Sat, Sun, Mon, Tue, Wed
  return Math.floor(day / 7) * 5 + ([0, 1, 1, 1, 2, 3, 4][rest] ?? 0);
}

/**
 * Business days (Monday–Friday, UTC calendar days) after the day of `instant` up to and including today,
 * as the server's velocity counts them: Friday → Monday is 1, Friday → Sunday is 0, the same day is 0.
 */
export function businessDaysSince(instant: string, now: Date = new Date()): number {
  const start = Math.floor(new Date(instant).getTime() / DAY_MS);
  const end = Math.floor(now.getTime() / DAY_MS);
  if (Number.isNaN(start) || end <= start) return 0;
  return weekdaysUpTo(end) - weekdaysUpTo(start);
}

/** "1 business day" / "12 business days". */
export const businessDaysLabel = (days: number) => `${days} business ${days === 1 ? 'day' : 'days'}`;
