import { type Kysely, sql } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { BookingSum } from '../../domain/revenue/bookings.js';
import type { RevenueContract } from '../../domain/revenue/renewed-contracts.js';
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

/**
 * The commit contracts in force at some point of [from, to] on the accounts the caller may read, each with the
 * deal it was won from (its type, when it was opened, the contract it was opened to renew).
 */
export async function listContractsOverlapping(
  db: Kysely<Database>,
  from: DateString,
  to: DateString,
  visibility: Visibility,
): Promise<RevenueContract[]> {
  const rows = await db
    .selectFrom('contracts')
    .innerJoin('accounts', 'accounts.id', 'contracts.account_id')
    .leftJoin('opportunities', 'opportunities.id', 'contracts.opportunity_id')
    .where(visibleTo('accounts', visibility))
    .where('contracts.kind', '=', 'commit')
    .where('contracts.start_date', '<=', to)
    .where(sql<string>`coalesce(contracts.ended_on, contracts.end_date)`, '>=', from)
    .selectAll('contracts')
    .select([
      'opportunities.type as won_type',
      'opportunities.created_at as won_opened_at',
      'opportunities.renews_contract_id as won_renews',
    ])
    .orderBy('contracts.id')
    .execute();
  return rows.map(({ won_type, won_opened_at, won_renews, ...row }) => ({
    ...toContract(row),
    wonFrom:
      won_type && won_opened_at
        ? { type: won_type, openedAt: won_opened_at, renewsContractId: won_renews ?? null }
        : null,
  }));
}
