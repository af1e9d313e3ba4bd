import type { Segment } from '../account/account.js';
import { countries, countryByCode, subdivisionByCode, subdivisionsOf } from '../geography/iso-3166.js';
import type { CompiledTerritories } from './compile-territories.js';
import { routeAccount } from './route-account.js';
import type { Routing } from './territory-model.js';

/**
 * One leaf geography of the coverage proof: a country the model does not split, a first-level subdivision of
 * a country it splits, or a metro. Each is checked once per segment.
 */
export interface LeafGeography {
  /** A country code, a subdivision code, or `US-CA/metro:Bay Area`. */
  geography: string;
  /** In words, e.g. "California, United States of America". */
  name: string;
  level: 'country' | 'subdivision' | 'metro';
  country: string;
  subdivision: string | null;
  /** For a metro: the postal-code prefixes and counties that define it (each is probed). */
  postalCodes: string[];
  counties: string[];
}

const countryName = (code: string) => countryByCode(code)?.name ?? code;

function metroLeaves(compiled: CompiledTerritories): LeafGeography[] {
  const leaves: LeafGeography[] = [];
  for (const territory of compiled.model.territories) {
    for (const rule of territory.rules) {
      if (rule.level !== 'metro') continue;
      const where = subdivisionByCode(rule.subdivision)?.name ?? rule.subdivision;
      leaves.push({
        geography: `${rule.subdivision}/metro:${rule.metro}`,
        name: `${rule.metro} (${where}, ${countryName(rule.subdivision.slice(0, 2))})`,
        level: 'metro',
        country: rule.subdivision.slice(0, 2),
        subdivision: rule.subdivision,
        postalCodes: rule.postalPrefixes ?? [],
        counties: rule.counties ?? [],
      });
    }
  }
  return leaves;
}

/** Every leaf geography of the model, in ISO order, metros last. Excluded countries are not leaves. */
export function listLeafGeographies(compiled: CompiledTerritories): LeafGeography[] {
  const leaves: LeafGeography[] = [];
  for (const country of countries()) {
    if (compiled.excluded.has(country.code)) continue;
    if (!compiled.splitCountries.has(country.code)) {
      leaves.push({
        geography: country.code,
        name: country.name,
        level: 'country',
        country: country.code,
        subdivision: null,
        postalCodes: [],
        counties: [],
      });
      continue;
    }
    for (const subdivision of subdivisionsOf(country.code)) {
      if (subdivision.parent !== country.code) continue;
      leaves.push({
        geography: subdivision.code,
        name: `${subdivision.name}, ${country.name}`,
        level: 'subdivision',
        country: country.code,
        subdivision: subdivision.code,
        postalCodes: [],
        counties: [],
      });
    }
  }
  return [...leaves, ...metroLeaves(compiled)];
}

/**
 * How one leaf routes for one segment. A metro is probed at each of its prefixes and counties: the first probe
 * that does not resolve to one territory is the answer, else the first probe's.
 */
export function routeLeaf(compiled: CompiledTerritories, leaf: LeafGeography, segment: Segment): Routing {
  const base = {
    country: leaf.country,
    subdivision: leaf.subdivision,
    postalCode: null,
    county: null,
    segment,
  };
  if (leaf.level !== 'metro') return routeAccount(compiled, base);
  const probes = [
    ...leaf.postalCodes.map((postalCode) => ({ ...base, postalCode })),
    ...leaf.counties.map((county) => ({ ...base, county })),
  ];
  const answers = probes.map((probe) => routeAccount(compiled, probe));
  return answers.find((answer) => !answer.ok) ?? answers[0] ?? routeAccount(compiled, base);
}
