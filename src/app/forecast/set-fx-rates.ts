import { listFxRates, lockFxRates, replaceFxRates } from '../../db/repositories/forecast-settings-repo.js';
import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, type FieldIssue, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { refuseUnlessForecastSettingsManager } from './forecast-access.js';
import type { SetFxRatesInput } from './forecast-inputs.js';
import type { FxRatesTable } from './list-fx-rates.js';

function issuesOf(input: SetFxRatesInput, companyCurrency: string): FieldIssue[] {
  const seen = new Set<string>();
  return input.rates.flatMap((rate, index) => {
    const path = `rates[${index}].currency`;
    if (rate.currency === companyCurrency)
      return [{ path, message: 'the company currency needs no rate (it is 1)' }];
    if (seen.has(rate.currency)) return [{ path, message: 'listed twice' }];
    seen.add(rate.currency);
    return [];
  });
}

/**
 * Replaces the rates table (RevOps, VP Finance): a changed rate gets the next version; one audit event with the
 * table before and after. The forecast converts with the table in force when it is read.
 */
export async function setFxRates(
  context: AppContext,
  actor: Actor,
  input: SetFxRatesInput,
): Promise<Result<FxRatesTable, AppError>> {
  const refused = refuseUnlessForecastSettingsManager(actor);
  if (refused) return err(refused);
  const { companyCurrency } = forecastSettings(context.playbook);
  const issues = issuesOf(input, companyCurrency);
  if (issues.length > 0) return err(invalid(issues));
  return context.db.transaction().execute(async (trx) => {
    const before = await lockFxRates(trx);
    const now = context.now();
    const rates = input.rates.map((rate) => {
      const old = before.find((row) => row.currency === rate.currency);
      const same = old !== undefined && Number(old.rate) === Number(rate.rate);
      return { currency: rate.currency, rate: rate.rate, version: old ? old.version + (same ? 0 : 1) : 1 };
    });
    await replaceFxRates(trx, rates, actor.id, now);
    const after = await listFxRates(trx);
    await recordEvent(trx, actor, now, {
      entityType: 'fx_rates',
      entityId: companyCurrency,
      action: 'fx_rates.set',
      before: { rates: before.map(({ currency, rate }) => ({ currency, rate })) },
      after: { rates: after.map(({ currency, rate }) => ({ currency, rate })) },
    });
    return ok({ companyCurrency, rates: after });
  });
}
