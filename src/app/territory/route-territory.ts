import { err, ok, type Result } from '../../domain/result.js';
import { routeAccount } from '../../domain/territory/route-account.js';
import type { Routing } from '../../domain/territory/territory-model.js';
import { geographyIssues } from '../accounts/account-inputs.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { activeTerritories } from './compiled-territories.js';
import type { AccountPlaceInput } from './territory-inputs.js';

/** Routes a place (an account that need not exist) against the active model: territory, AE, RVP and why. */
export async function routeTerritory(
  context: AppContext,
  _actor: Actor,
  place: AccountPlaceInput,
): Promise<Result<Routing, AppError>> {
  const geography = geographyIssues(place.country, place.subdivision ?? null);
  if (geography.length > 0) return err(invalid(geography));
  const active = await activeTerritories(context.db);
  if (!active) return err({ code: 'not_found', message: 'No territory model is active.' });
  return ok(
    routeAccount(active.compiled, {
      country: place.country,
      subdivision: place.subdivision ?? null,
      postalCode: place.postalCode ?? null,
      county: place.county ?? null,
      segment: place.segment,
    }),
  );
}
