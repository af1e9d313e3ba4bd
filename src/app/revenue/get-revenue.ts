import { listFxRates } from '../../db/repositories/forecast-settings-repo.js';
import { listContractsOverlapping, sumWonDealsByPeriod } from '../../db/repositories/revenue-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import type { Period } from '../../domain/forecast/periods.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { err, ok, type Result } from '../../domain/result.js';
import { revenueReport } from '../../domain/revenue/revenue-report.js';
import { type AppError, rateMissing } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import type { ForecastQuery } from '../forecast/forecast-inputs.js';
import { periodsOf } from '../forecast/forecast-periods.js';
import {
  type BookingFigures,
  bookingFigures,
  type RetentionFigures,
  retentionFigures,
} from './revenue-figures.js';

export type RevenueQuery = ForecastQuery;

export interface Revenue {
  period: RevenueQuery['period'];
  fiscalYearStartMonth: number;
  companyCurrency: string;
  /** Whether the playbook keeps contracts at all (without them there is no retention to measure). */
  keepsContracts: boolean;
  /** Whether the figures cover every won deal / every account, or only those the caller may read. */
  scope: { allWonDeals: boolean; allAccounts: boolean };
  periods: Array<Period & { bookings: BookingFigures; retention: RetentionFigures }>;
  /** Retention from the first period's first day to the last period's last day. */
  range: RetentionFigures;
}

const wonStagesOf = (playbook: Playbook) =>
  playbook.pipelines.flatMap((pipeline) =>
    pipeline.stages
      .filter((stage) => stage.outcome === 'won')
      .map((stage) => ({ pipeline: pipeline.key, stage: stage.key, category: stage.forecastCategory })),
  );

/**
 * The revenue implications of the periods from…to (docs/decisions/020-revenue.md): bookings of the won deals
 * the caller may read by booking category and type, and GRR / NRR from the commit contracts of the accounts
 * the caller may read, in the company currency, each period with its inputs and the whole range. Refused
 * (422 rate_missing) while a deal's or contract's currency has no rate.
 */
export async function getRevenue(
  context: AppContext,
  actor: Actor,
  query: RevenueQuery,
): Promise<Result<Revenue, AppError>> {
  const periods = periodsOf(context, query);
  if (!periods.ok) return periods;
  const { playbook } = context;
  const settings = forecastSettings(playbook);
  const from = periods.value[0]?.start ?? query.from;
  const to = periods.value.at(-1)?.end ?? query.to;
  const wonStages = wonStagesOf(playbook);
  const deals = visibilityFor(actor.principal, 'opportunity');
  const accounts = visibilityFor(actor.principal, 'account');
  const range = { kind: query.period, fiscalYearStartMonth: settings.fiscalYearStartMonth, from, to };
  const bookings = await sumWonDealsByPeriod(context.db, range, wonStages, deals);
  const contracts = await listContractsOverlapping(context.db, from, to, accounts);
  const rates = Object.fromEntries((await listFxRates(context.db)).map((rate) => [rate.currency, rate.rate]));
  const report = revenueReport({
    playbook,
    periods: periods.value,
    bookings,
    contracts,
    rates: { companyCurrency: settings.companyCurrency, rates },
  });
  if (!report.ok) return err(rateMissing(settings.companyCurrency, report.error.currencies));
  const typeName = (key: string) => playbook.opportunityTypes.find((type) => type.key === key)?.name ?? key;
  return ok({
    period: query.period,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    companyCurrency: settings.companyCurrency,
    keepsContracts: playbook.contracts !== undefined,
    scope: {
      allWonDeals: deals.all || wonStages.every((stage) => deals.forecastCategories.includes(stage.category)),
      allAccounts: accounts.all,
    },
    periods: report.value.periods.map((row) => ({
      ...row.period,
      bookings: bookingFigures(row.bookings, typeName),
      retention: retentionFigures(row.period.start, row.period.end, row.retention),
    })),
    range: retentionFigures(report.value.range.from, report.value.range.to, report.value.range.retention),
  });
}
