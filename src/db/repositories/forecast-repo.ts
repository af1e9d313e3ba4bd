import { type Kysely, sql } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { DealMonthRow } from '../../domain/forecast/month-rows.js';
import type { Database, DateString } from '../schema.js';
import type { ForecastPeriodKind } from '../schema-forecast.js';
import { visibleTo } from './visibility-filter.js';

export interface ForecastRange {
  kind: ForecastPeriodKind;
  fiscalYearStartMonth: number;
  /** First day of the first period and last day of the last: close dates counted. */
  from: DateString;
  to: DateString;
}

/**
 * Per owner, calendar month, forecast category and currency: the sum of the amounts and of amount × probability
 * (not yet divided by 100), over the deals the caller may read whose close date is in the range. Omitted deals
 * are left out. Sums are decimal text (exact at any size). Months, not the forecast's periods, so the groups
 * match the planner's statistics (migration 021) and the aggregate is hashed; foldMonthsIntoPeriods makes
 * the periods of them.
 */
export async function sumDealsByOwnerAndMonth(
  db: Kysely<Database>,
  range: ForecastRange,
  visibility: Visibility,
): Promise<DealMonthRow[]> {
  const month = sql<string>`date_trunc('month', opportunities.close_date::timestamp)`;
  return db
    .selectFrom('opportunities')
    .where(visibleTo('opportunities', visibility))
    .where('opportunities.close_date', '>=', range.from)
    .where('opportunities.close_date', '<=', range.to)
    .where('opportunities.forecast_category', '<>', 'omitted')
    .select([
      'opportunities.owner_id as ownerId',
      sql<string>`to_char(${month}, 'YYYY-MM-DD')`.as('monthStart'),
      'opportunities.forecast_category as category',
      'opportunities.currency as currency',
      sql<string>`sum(opportunities.amount_minor)::text`.as('amountMinor'),
      sql<string>`sum(opportunities.amount_minor * opportunities.probability)::text`.as('weightedCentiMinor'),
    ])
    .groupBy(['opportunities.owner_id', month, 'opportunities.forecast_category', 'opportunities.currency'])
    .execute();
}

export interface ForecastPerson {
  id: string;
  name: string;
  role: string;
  region: string | null;
  managerId: string | null;
}

/** The people a forecast names, by id. */
export async function findForecastPeople(db: Kysely<Database>, ids: string[]): Promise<ForecastPerson[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'region', 'manager_id as managerId'])
    .where('id', 'in', ids)
    .execute();
}

/** The RVPs of the regions named, by region (active ones; a region may have several). */
export async function findRegionalVps(
  db: Kysely<Database>,
  regions: string[],
): Promise<Array<{ region: string; id: string; name: string }>> {
  if (regions.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['region', 'id', 'name'])
    .where('role', '=', 'rvp')
    .where('active', '=', true)
    .where('region', 'in', regions)
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ region: row.region ?? '', id: row.id, name: row.name }));
}
