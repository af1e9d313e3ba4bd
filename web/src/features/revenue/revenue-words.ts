import type { Revenue, RevenueBookings, RevenueRetention } from '../../api';
import { formatDate, formatMoney } from '../../shared/format';

export const BUCKET_LABELS = {
  acquisition: 'Acquisition',
  growth: 'Growth',
  retention: 'Retention',
  uncategorised: 'Uncategorised',
} as const satisfies Record<keyof RevenueBookings['byCategory'], string>;
export type Bucket = keyof typeof BUCKET_LABELS;
export const BUCKETS = Object.keys(BUCKET_LABELS) as Bucket[];

/** The buckets worth a column: the three categories, and Uncategorised only when something landed there. */
export const shownBuckets = (revenue: Revenue): Bucket[] =>
  BUCKETS.filter(
    (bucket) =>
      bucket !== 'uncategorised' || revenue.periods.some((p) => p.bookings.byCategory.uncategorised !== '0'),
  );

/** Minor-unit decimal strings as whole units (charts and formatting only; the API's sums stay exact). */
export const units = (minor: string) => Number(minor) / 100;
export const money = (minor: string, currency: string) => formatMoney(Number(minor), currency);
export const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);

const accounts = (count: number) => `${count} ${count === 1 ? 'account' : 'accounts'}`;

/** The retention of one span in plain words, with the numbers that make each ratio. */
export function explainRetention(figures: RevenueRetention, currency: string): string[] {
  const m = (minor: string) => money(minor, currency);
  const from = formatDate(figures.from);
  const to = formatDate(figures.to);
  if (figures.cohortAccounts === 0) {
    return [
      `No account had a commit contract in force on ${from}, so there is no starting revenue to retain: GRR and NRR need one.`,
    ];
  }
  return [
    `On ${from}, ${accounts(figures.cohortAccounts)} had commit contracts in force, worth ${m(figures.startingMinor)} a year (each contract's value spread over its term, per 365 days). That is the starting revenue.`,
    `By ${to}: churn ${m(figures.churnMinor)} (${accounts(figures.churnedAccounts)} with no contract left), contraction ${m(figures.contractionMinor)} (${accounts(figures.contractedAccounts)} worth less), expansion ${m(figures.expansionMinor)} (${accounts(figures.expandedAccounts)} worth more).`,
    `GRR = (starting − churn − contraction) / starting = ${m(figures.retainedMinor)} / ${m(figures.startingMinor)} = ${percent(figures.grr)}: what was kept, no growth counted.`,
    `NRR = (starting − churn − contraction + expansion) / starting = ${m(figures.endingMinor)} / ${m(figures.startingMinor)} = ${percent(figures.nrr)}: growth on the same accounts counts too.`,
    figures.newAccounts > 0
      ? `${accounts(figures.newAccounts)} new since ${from} (${m(figures.newMinor)} a year) count in neither: retention measures the customers you started with.`
      : `No account was new since ${from}.`,
  ];
}
