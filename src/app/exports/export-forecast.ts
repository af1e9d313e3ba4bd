import { minorToDecimal } from '../../domain/closing/money-words.js';
import { guardRow } from '../../domain/export/csv-cell.js';
import { type CallTotals, standingCall } from '../../domain/forecast/call-totals.js';
import type { Figures } from '../../domain/forecast/figures.js';
import { ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import type { ForecastQuery } from '../forecast/forecast-inputs.js';
import { type Forecast, getForecast } from '../forecast/get-forecast.js';

export const FORECAST_COLUMNS = [
  'Level',
  'Region',
  'Owner',
  'OwnerId',
  'Period',
  'PeriodStart',
  'Currency',
  'Closed',
  'Commit',
  'BestCase',
  'Pipeline',
  'Weighted',
  'Quota',
  'Attainment',
  'Coverage',
  'CallCommit',
  'CallBestCase',
] as const;

type Cell = string | number | null | undefined;

interface CallAmounts {
  commitMinor: string | number;
  bestCaseMinor: string | number;
}

/** A group's sum of calls, or nothing while none of its owners has called. */
const called = (calls: CallTotals) => (calls.called > 0 ? calls : null);

function forecastRows(forecast: Forecast): string[][] {
  const money = (minor: string | number | null | undefined) =>
    minor === null || minor === undefined ? null : minorToDecimal(BigInt(minor), forecast.companyCurrency);
  const row = (
    head: Cell[],
    index: number,
    figures: Figures,
    call: CallAmounts | null | undefined,
  ): Cell[] => [
    ...head,
    forecast.periods[index]?.label,
    forecast.periods[index]?.start,
    forecast.companyCurrency,
    ...(['closed', 'commit', 'best_case', 'pipeline'] as const).map((c) => money(figures.cumulative[c])),
    money(figures.weightedMinor),
    money(figures.quotaMinor),
    figures.attainment,
    figures.coverage,
    money(call?.commitMinor),
    money(call?.bestCaseMinor),
  ];
  const rows = [
    ...forecast.company.periods.map((cell, i) =>
      row(['company', null, null, null], i, cell.figures, called(cell.calls)),
    ),
    ...forecast.regions.flatMap((region) =>
      region.periods.map((cell, i) =>
        row(['region', region.region, null, null], i, cell.figures, called(cell.calls)),
      ),
    ),
    ...forecast.owners.flatMap((owner) =>
      owner.periods.map((cell, i) =>
        row(
          ['owner', owner.region, owner.name, owner.id],
          i,
          cell.figures,
          standingCall(cell.latestSubmission, cell.latestAdjustment),
        ),
      ),
    ),
  ];
  return rows.map(guardRow);
}

/**
 * The forecast the caller may read (the same as GET /forecast) as CSV rows: the company, each region and each
 * owner per period, cumulative categories and the standing calls as decimals of the company currency.
 */
export async function exportForecast(
  context: AppContext,
  actor: Actor,
  query: ForecastQuery,
): Promise<Result<string[][], AppError>> {
  const forecast = await getForecast(context, actor, query);
  return forecast.ok ? ok(forecastRows(forecast.value)) : forecast;
}
