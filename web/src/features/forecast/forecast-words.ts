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
