import type { Generated, GeneratedAlways } from 'kysely';
import type { DateString } from './schema.js';

export type ForecastPeriodKind = 'month' | 'quarter' | 'fiscal_year';

/** Rates to the company currency (migration 017): numeric, read as decimal text. */
export interface FxRatesTable {
  currency: string;
  rate: string;
  updated_by: string;
  updated_at: Date;
  version: Generated<number>;
}

/** One owner's quota for one period, in company-currency minor units. */
export interface QuotasTable {
  owner_id: string;
  period_kind: ForecastPeriodKind;
  period_start: DateString;
  amount_minor: number;
  updated_by: string;
  updated_at: Date;
  version: Generated<number>;
}

/** AEs' submissions and RVPs' adjustments: append-only (a trigger refuses UPDATE and DELETE). */
export interface ForecastCallsTable {
  id: string;
  period_kind: ForecastPeriodKind;
  period_start: DateString;
  owner_id: string;
  kind: 'submission' | 'adjustment';
  commit_minor: number;
  best_case_minor: number;
  note: string | null;
  by_user: string;
  at: Date;
  adjusts_id: string | null;
  /** The order calls were made in (several may share one `at`). */
  seq: GeneratedAlways<number>;
}
