import { type Kysely, sql } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { Contract } from '../../domain/contract/contract.js';
import type { BookingSum } from '../../domain/revenue/bookings.js';
import type { Database, DateString } from '../schema.js';
import type { ForecastPeriodKind } from '../schema-forecast.js';
import { toContract } from './contracts-repo.js';
import { periodStartOf } from './period-start-sql.js';
import { visibleTo } from './visibility-filter.js';

export interface RevenueRange {
  kind: ForecastPeriodKind;
  fiscalYearStartMonth: number;
  /** First day of the first period and last day of the last. */
  from: DateString;
  to: DateString;
}

const dayAfter = (day: DateString) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/**
 * Per period the deals were won in (their closed_at's UTC day), type and currency: the sum of the amounts and
 * the count, over the won deals the caller may read. `wonStages` are the playbook's won stages per pipeline.
 */
export async function sumWonDealsByPeriod(
  db: Kysely<Database>,
  range: RevenueRange,
  wonStages: ReadonlyArray<{ pipeline: string; stage: string }>,
  visibility: Visibility,
): Promise<BookingSum[]> {
  if (wonStages.length === 0) return [];
  const wonOn = sql`(opportunities.closed_at at time zone 'UTC')`;
  const periodStart = periodStartOf(range, wonOn);
  const rows = await db
    .selectFrom('opportunities')
    .where(visibleTo('opportunities', visibility))
    .where('opportunities.closed_at', '>=', new Date(`${range.from}T00:00:00Z`))
    .where('opportunities.closed_at', '<', dayAfter(range.to))
    .where((eb) =>
      eb(
        eb.refTuple('opportunities.pipeline', 'opportunities.stage'),
        'in',
        wonStages.map((won) => eb.tuple(won.pipeline, won.stage)),
      ),
    )
    .select([
      periodStart.as('periodStart'),
      'opportunities.type as type',
      'opportunities.currency as currency',
      sql<string>`sum(opportunities.amount_minor)::text`.as('amountMinor'),
      sql<string>`count(*)::int`.as('deals'),
    ])
    .groupBy([periodStart, 'opportunities.type', 'opportunities.currency'])
    .execute();
  return rows.map((row) => ({ ...row, deals: Number(row.deals) }));
}

/** The commit contracts in force at some point of [from, to] on the accounts the caller may read. */
export async function listContractsOverlapping(
  db: Kysely<Database>,
  from: DateString,
  to: DateString,
  visibility: Visibility,
): Promise<Contract[]> {
  const rows = await db
    .selectFrom('contracts')
    .innerJoin('accounts', 'accounts.id', 'contracts.account_id')
    .where(visibleTo('accounts', visibility))
    .where('contracts.kind', '=', 'commit')
    .where('contracts.start_date', '<=', to)
    .where(sql<string>`coalesce(contracts.ended_on, contracts.end_date)`, '>=', from)
    .selectAll('contracts')
    .orderBy('contracts.id')
    .execute();
  return rows.map(toContract);
}
