import type { ForecastCategory } from '../playbook/playbook.js';

/** The categories a forecast counts (Omitted is left out), in the order they accumulate. */
export const COUNTED_CATEGORIES = ['closed', 'commit', 'best_case', 'pipeline'] as const;
export type CountedCategory = (typeof COUNTED_CATEGORIES)[number];
export type CategorySums = Record<CountedCategory, bigint>;

/** One cell's sums in company-currency minor units: per category, and the weighted open pipeline. */
export interface Sums {
  individual: CategorySums;
  weighted: bigint;
  quota: bigint | null;
}

export const isCounted = (category: ForecastCategory | string): category is CountedCategory =>
  (COUNTED_CATEGORIES as readonly string[]).includes(category);

export const emptySums = (): Sums => ({
  individual: { closed: 0n, commit: 0n, best_case: 0n, pipeline: 0n },
  weighted: 0n,
  quota: null,
});

export function addSums(a: Sums, b: Sums): Sums {
  const individual = { ...a.individual };
  for (const category of COUNTED_CATEGORIES) individual[category] += b.individual[category];
  const quota = a.quota === null && b.quota === null ? null : (a.quota ?? 0n) + (b.quota ?? 0n);
  return { individual, weighted: a.weighted + b.weighted, quota };
}

/** Closed; Commit = Closed + Commit; Best Case = Commit + Best Case; Pipeline = Best Case + Pipeline. */
export function cumulative(individual: CategorySums): CategorySums {
  let running = 0n;
  const sums = { ...individual };
  for (const category of COUNTED_CATEGORIES) {
    running += individual[category];
    sums[category] = running;
  }
  return sums;
}

/** What a screen shows of one cell: sums as decimal strings, ratios rounded to 4 decimals. */
export interface Figures {
  individual: Record<CountedCategory, string>;
  cumulative: Record<CountedCategory, string>;
  /** Open deals: amount × stage probability / 100. */
  weightedMinor: string;
  quotaMinor: string | null;
  /** Closed / quota; null without a quota. */
  attainment: number | null;
  /** Open pipeline (Commit + Best Case + Pipeline) / (quota − closed); null without a quota or once it is met. */
  coverage: number | null;
}

const ratio = (numerator: bigint, denominator: bigint) =>
  Math.round((Number(numerator) / Number(denominator)) * 10_000) / 10_000;

const asText = (sums: CategorySums) =>
  Object.fromEntries(COUNTED_CATEGORIES.map((category) => [category, sums[category].toString()])) as Record<
    CountedCategory,
    string
  >;

export function toFigures(sums: Sums): Figures {
  const { closed, commit, best_case, pipeline } = sums.individual;
  const open = commit + best_case + pipeline;
  const quota = sums.quota;
  const remaining = quota === null ? 0n : quota - closed;
  return {
    individual: asText(sums.individual),
    cumulative: asText(cumulative(sums.individual)),
    weightedMinor: sums.weighted.toString(),
    quotaMinor: quota === null ? null : quota.toString(),
    attainment: quota === null || quota === 0n ? null : ratio(closed, quota),
    coverage: quota === null || remaining <= 0n ? null : ratio(open, remaining),
  };
}
