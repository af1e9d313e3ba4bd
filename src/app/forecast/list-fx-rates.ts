import { type FxRateRecord, listFxRates } from '../../db/repositories/forecast-settings-repo.js';
import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { refuseUnlessForecastSettingsManager } from './forecast-access.js';

export interface FxRatesTable {
  companyCurrency: string;
  rates: FxRateRecord[];
}

/** The rates to the company currency (RevOps, VP Finance). */
export async function listFxRatesTable(
  context: AppContext,
  actor: Actor,
): Promise<Result<FxRatesTable, AppError>> {
  const refused = refuseUnlessForecastSettingsManager(actor);
  if (refused) return err(refused);
  return ok({
    companyCurrency: forecastSettings(context.playbook).companyCurrency,
    rates: await listFxRates(context.db),
  });
}
