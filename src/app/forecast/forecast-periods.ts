import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import { type Period, periodsBetween } from '../../domain/forecast/periods.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid } from '../app-error.js';
import type { AppContext } from '../context.js';
import { type ForecastQuery, MAX_FORECAST_PERIODS } from './forecast-inputs.js';

/** The playbook calendar's periods a query spans: refused at `to` when it runs backwards or too long. */
export function periodsOf(context: AppContext, query: ForecastQuery): Result<Period[], AppError> {
  if (query.to < query.from) return err(invalid([{ path: 'to', message: 'must not be before from' }]));
  const { fiscalYearStartMonth } = forecastSettings(context.playbook);
  const periods = periodsBetween(
    query.from,
    query.to,
    query.period,
    fiscalYearStartMonth,
    MAX_FORECAST_PERIODS,
  );
  if (periods.length > MAX_FORECAST_PERIODS) {
    return err(invalid([{ path: 'to', message: `at most ${MAX_FORECAST_PERIODS} periods in one forecast` }]));
  }
  if (periods.length === 0) return err(invalid([{ path: 'to', message: 'no period in the range' }]));
  return ok(periods);
}
