import type { CompiledTerritories } from './compile-territories.js';
import type { AccountPlace, Routing } from './territory-model.js';

/** Routes one account: territory, AE, region and RVP, and the rule that fired; or why none can be named. */
export function routeAccount(_compiled: CompiledTerritories, _place: AccountPlace): Routing {
  throw new Error('routeAccount: not implemented yet');
}
