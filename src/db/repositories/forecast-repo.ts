import { type Kysely, sql } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { DealSumRow } from '../../domain/forecast/roll-up.js';
import type { Database, DateString } from '../schema.js';
import type { ForecastPeriodKind } from '../schema-forecast.js';
import { periodStartOf } from './period-start-sql.js';
import { visibleTo } from './visibility-filter.js';

export interface ForecastRange {
  kind: ForecastPeriodKind;
  fiscalYearStartMonth: number;
  /** First day of the first period and last day of the last: close dates counted. */
  from: DateString;
  to: DateString;
}

/**
 * Per owner, period, forecast category and currency: the sum of the amounts and of the weighted amounts
 * (amount × probability / 100, rounded), over the deals the caller may read whose close date is in the range.
 * Omitted deals are left out. Sums are decimal text (exact at any size).
 */
export async function sumDealsByOwnerAndPeriod(
  db: Kysely<Database>,
  range: ForecastRange,
  visibility: Visibility,
): Promise<DealSumRow[]> {
  const periodStart = periodStartOf(range, sql.ref('opportunities.close_date'));
  return db
    .selectFrom('opportunities')
    .where(visibleTo('opportunities', visibility))
    .where('opportunities.close_date', '>=', range.from)
    .where('opportunities.close_date', '<=', range.to)
    .where('opportunities.forecast_category', '<>', 'omitted')
    .select([
      'opportunities.owner_id as ownerId',
      periodStart.as('periodStart'),
      'opportunities.forecast_category as category',
      'opportunities.currency as currency',
      sql<string>`sum(opportunities.amount_minor)::text`.as('amountMinor'),
      sql<string>`round(sum(opportunities.amount_minor::numeric * opportunities.probability) / 100)::text`.as(
        'weightedMinor',
      ),
    ])
    .groupBy([
      'opportunities.owner_id',
      periodStart,
      'opportunities.forecast_category',
      'opportunities.currency',
    ])
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
