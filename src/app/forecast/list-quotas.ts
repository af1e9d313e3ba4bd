import { listQuotas, type QuotaRecord } from '../../db/repositories/forecast-settings-repo.js';
import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import { periodsBetween } from '../../domain/forecast/periods.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { refuseUnlessForecastSettingsManager } from './forecast-access.js';
import type { QuotasQuery } from './forecast-inputs.js';

/** The owners' quotas of the periods from…to (RevOps, VP Finance), in company-currency minor units. */
export async function listQuotaTable(
  context: AppContext,
  actor: Actor,
  query: QuotasQuery,
): Promise<Result<{ companyCurrency: string; items: QuotaRecord[] }, AppError>> {
  const refused = refuseUnlessForecastSettingsManager(actor);
  if (refused) return err(refused);
  if (query.to < query.from) return err(invalid([{ path: 'to', message: 'must not be before from' }]));
  const settings = forecastSettings(context.playbook);
  const first = periodsBetween(query.from, query.from, query.period, settings.fiscalYearStartMonth)[0];
  const items = await listQuotas(context.db, query.period, first?.start ?? query.from, query.to);
  return ok({ companyCurrency: settings.companyCurrency, items });
}
