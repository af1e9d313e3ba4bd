import type { ForecastFigures } from '../../api';

export const CATEGORY_LABELS = {
  closed: 'Closed',
  commit: 'Commit',
  best_case: 'Best Case',
  pipeline: 'Pipeline',
} as const;
export type Category = keyof typeof CATEGORY_LABELS;
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

/** Minor-unit decimal strings as a number of whole units (charts and formatting only; sums stay exact). */
export const units = (minor: string | null) => (minor === null ? 0 : Number(minor) / 100);

export const percent = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`);
export const coverageText = (ratio: number | null) => (ratio === null ? '—' : `${ratio.toFixed(1)}×`);

export type Figures = ForecastFigures;

/** The first and last day of the range a period kind shows by default: this fiscal year, by its quarters. */
export function defaultRange(today: Date, fiscalStartMonth: number): { from: string; to: string } {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const startYear = month >= fiscalStartMonth ? year : year - 1;
  const from = new Date(Date.UTC(startYear, fiscalStartMonth - 1, 1));
  const to = new Date(Date.UTC(startYear + 1, fiscalStartMonth - 1, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
