import { SEGMENTS } from '../src/domain/account/account.js';
import { compileTerritories } from '../src/domain/territory/compile-territories.js';
import { listLeafGeographies } from '../src/domain/territory/coverage-leaves.js';
import { routeAccount } from '../src/domain/territory/route-account.js';
import type { AccountPlace, TerritoryModel } from '../src/domain/territory/territory-model.js';

/**
 * Routing of `count` in-memory accounts on this thread (one core): accounts cycle over one place per leaf
 * geography × segment (metros at each of their postal prefixes, with a full postal code), so every level and
 * the segment split are exercised. Returns accounts/s and how many routed.
 */
export function benchTerritoryRouting(model: TerritoryModel, count: number) {
  const compiled = compileTerritories(model);
  const places: AccountPlace[] = [];
  for (const leaf of listLeafGeographies(compiled)) {
    for (const segment of SEGMENTS) {
      const postalCodes =
        leaf.postalCodes.length > 0 ? leaf.postalCodes.map((prefix) => `${prefix}01`) : ['10001'];
      for (const postalCode of postalCodes) {
        places.push({ country: leaf.country, subdivision: leaf.subdivision, postalCode, segment });
      }
    }
  }
  let routed = 0;
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const routing = routeAccount(compiled, places[index % places.length] as AccountPlace);
    if (routing.ok) routed += 1;
  }
  const elapsed = performance.now() - started;
  return { perSecond: Math.round((count / elapsed) * 1000), routed, places: places.length };
}
