import { type RawBuilder, sql } from 'kysely';
import type { ForecastPeriodKind } from '../schema-forecast.js';

/**
 * The first day ('YYYY-MM-DD') of the period a date falls in: months are calendar months; quarters and years
 * are fiscal, so the date is shifted back by the fiscal start, truncated, and shifted forward again.
 */
export function periodStartOf(
  range: { kind: ForecastPeriodKind; fiscalYearStartMonth: number },
  date: RawBuilder<unknown>,
): RawBuilder<string> {
  if (range.kind === 'month') return sql<string>`to_char(date_trunc('month', ${date}), 'YYYY-MM-DD')`;
  const unit = sql.lit(range.kind === 'quarter' ? 'quarter' : 'year');
  const shift = sql.lit(`${range.fiscalYearStartMonth - 1} months`);
  return sql<string>`to_char(date_trunc(${unit}, ${date} - interval ${shift}) + interval ${shift}, 'YYYY-MM-DD')`;
}
