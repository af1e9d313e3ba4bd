import type { Segment } from '../account/account.js';
import { countryByCode, subdivisionByCode } from '../geography/iso-3166.js';
import {
  type CompiledTerritories,
  countyKey,
  normalizePostalCode,
  type SegmentAnswers,
} from './compile-territories.js';
import type { AccountPlace, Routing } from './territory-model.js';

/**
 * Routes one account: territory, AE, region and RVP, and the rule that fired; or why none can be named.
 * Precedence, most specific first: metro (postal-code prefix or county) > subdivision > country > country set;
 * within a level a rule for the account's segment beats one for every segment.
 */
export function routeAccount(compiled: CompiledTerritories, place: AccountPlace): Routing {
  const { country, subdivision, segment } = place;
  const excluded = compiled.excluded.get(country);
  if (excluded) return excluded;
  const split = compiled.splitCountries.get(country);
  if (split) {
    if (!subdivision) return split;
    const routed =
      metroAnswer(compiled, place, subdivision) ?? subdivisionAnswer(compiled, subdivision, segment);
    if (routed) return routed;
  }
  return (
    compiled.countries.get(country)?.[segment] ??
    compiled.countrySets.get(country)?.[segment] ??
    gapFor(subdivision ?? country, segment)
  );
}

function metroAnswer(
  compiled: CompiledTerritories,
  place: AccountPlace,
  subdivision: string,
): Routing | null {
  const metros = compiled.metrosByPostal.get(subdivision);
  let found: Routing | null = null;
  if (metros && place.postalCode) {
    const postal = normalizePostalCode(place.postalCode);
    for (const length of metros.lengths) {
      if (postal.length < length) continue;
      const routed = metros.byPrefix.get(postal.slice(0, length))?.[place.segment] ?? null;
      if (routed) found = found ? combined(found, routed) : routed;
    }
  }
  if (place.county) {
    const routed = compiled.metrosByCounty.get(countyKey(subdivision, place.county))?.[place.segment] ?? null;
    if (routed) found = found ? combined(found, routed) : routed;
  }
  return found;
}

/** The account's subdivision, then the subdivisions it lies in (a second-level code's first-level parent). */
function subdivisionAnswer(compiled: CompiledTerritories, code: string, segment: Segment): Routing | null {
  let current: string | undefined = code;
  for (let depth = 0; current && depth < 3; depth += 1) {
    const answers: SegmentAnswers | undefined = compiled.subdivisions.get(current);
    const routed = answers?.[segment];
    if (routed) return routed;
    const parent: string | undefined = subdivisionByCode(current)?.parent;
    current = parent?.includes('-') ? parent : undefined;
  }
  return null;
}

/** Two metros of one subdivision that both match (a prefix inside another's, a county and a postal code). */
function combined(first: Routing, second: Routing): Routing {
  const territories = [...new Set([...territoriesOf(first), ...territoriesOf(second)])];
  if (territories.length <= 1) return first;
  return {
    ok: false,
    reason: 'overlap',
    territories,
    level: 'metro',
    because: `${first.because}; and ${second.because}: metro rules of ${territories.join(', ')} all match`,
  };
}

const territoriesOf = (routing: Routing) => (routing.ok ? [routing.territory] : routing.territories);

function gapFor(code: string, segment: Segment): Routing {
  const name = subdivisionByCode(code)?.name ?? countryByCode(code)?.name ?? code;
  return {
    ok: false,
    reason: 'gap',
    territories: [],
    because: `no rule of the territory model covers ${name}, ${segment} segment`,
  };
}
