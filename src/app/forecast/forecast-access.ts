import type { ForecastPerson } from '../../db/repositories/forecast-repo.js';
import type { Principal } from '../../domain/access/principal.js';
import { relationTo, rightsOf } from '../../domain/access/principal.js';
import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import type { PeriodKind } from '../../domain/forecast/periods.js';
import { isPeriodStart } from '../../domain/forecast/periods.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor } from '../context.js';

const ownerFacts = (person: ForecastPerson) => ({
  ownerId: person.id,
  ownerRegion: person.region,
  ownerManagerId: person.managerId,
});

/**
 * Whether the caller sees an owner's forecast figures, quota and calls: whoever reads the owner's deals by
 * relation, and the roles that keep the forecast's settings (they set the quotas).
 */
export function seesOwnerForecast(principal: Principal, person: ForecastPerson): boolean {
  const rights = rightsOf(principal);
  return rights.manageForecastSettings || rights.read.includes(relationTo(principal, ownerFacts(person)));
}

/** Whether the caller may adjust an owner's call (an RVP, for the owners of their region). */
export function mayAdjustForecastOf(principal: Principal, person: ForecastPerson): boolean {
  return rightsOf(principal).adjustForecast.includes(relationTo(principal, ownerFacts(person)));
}

export function refuseUnlessForecastSettingsManager(actor: Actor): AppError | null {
  if (rightsOf(actor.principal).manageForecastSettings) return null;
  return { code: 'forbidden', message: 'Only RevOps and VP Finance keep the rates and quotas.' };
}

/** A period is named by its first day; any other day is refused at the field. */
export function refuseUnlessPeriodStart(
  playbook: Playbook,
  kind: PeriodKind,
  start: string,
  path: string,
): AppError | null {
  if (isPeriodStart(start, kind, forecastSettings(playbook).fiscalYearStartMonth)) return null;
  return invalid([
    { path, message: `not the first day of a ${kind.replace('_', ' ')} of this playbook's calendar` },
  ]);
}
