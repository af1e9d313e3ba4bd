import { countries, countryByCode, subdivisionByCode, subdivisionsOf } from '../geography/iso-3166.js';
import type { AccountPlace, TerritoryModel } from './territory-model.js';

/** A leaf geography of a model, with a place inside it that routing can be asked about. */
export interface LeafGeography {
  /** A country code, a subdivision code, or `US-CA/metro:Bay Area`. */
  geography: string;
  /** In words, e.g. "Texas, United States of America". */
  name: string;
  level: 'country' | 'subdivision' | 'metro';
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** A place in the leaf, segment aside: a metro's first postal prefix, or else its first county. */
  place: Omit<AccountPlace, 'segment'>;
}

const countryName = (code: string) => countryByCode(code)?.name ?? code;
const subdivisionName = (code: string) =>
  `${subdivisionByCode(code)?.name ?? code}, ${countryName(code.slice(0, code.indexOf('-')))}`;
const countryOf = (subdivision: string) => subdivision.slice(0, subdivision.indexOf('-'));

/** The countries some subdivision rule of the model names a subdivision of: they are split by subdivision. */
export function splitCountries(model: TerritoryModel): Set<string> {
  const split = new Set<string>();
  for (const territory of model.territories) {
    for (const rule of territory.rules) {
      if (rule.level === 'subdivision') for (const code of rule.subdivisions) split.add(countryOf(code));
    }
  }
  return split;
}

/**
 * The leaves of a model, in ISO order: every assigned country the model does not exclude; for a country some rule
 * splits by subdivision, its first-level subdivisions instead; and every metro a rule names.
 */
export function listLeaves(model: TerritoryModel): LeafGeography[] {
  const excluded = new Set(model.excluded.flatMap((entry) => entry.countries));
  const split = splitCountries(model);
  const leaves: LeafGeography[] = [];
  for (const { code } of countries()) {
    if (excluded.has(code)) continue;
    if (!split.has(code)) {
      leaves.push({
        geography: code,
        name: countryName(code),
        level: 'country',
        country: code,
        place: { country: code, subdivision: null, postalCode: null },
      });
      continue;
    }
    for (const subdivision of subdivisionsOf(code).filter((entry) => entry.parent === code)) {
      leaves.push({
        geography: subdivision.code,
        name: subdivisionName(subdivision.code),
        level: 'subdivision',
        country: code,
        place: { country: code, subdivision: subdivision.code, postalCode: null },
      });
    }
  }
  const metros = new Map<string, LeafGeography>();
  for (const territory of model.territories) {
    for (const rule of territory.rules) {
      if (rule.level !== 'metro') continue;
      const geography = `${rule.subdivision}/metro:${rule.metro}`;
      const existing = metros.get(geography);
      if (existing && (existing.place.postalCode || existing.place.county)) continue;
      const postalCode = rule.postalPrefixes?.[0] ?? null;
      metros.set(geography, {
        geography,
        name: `${rule.metro}, ${subdivisionName(rule.subdivision)}`,
        level: 'metro',
        country: countryOf(rule.subdivision),
        place: {
          country: countryOf(rule.subdivision),
          subdivision: rule.subdivision,
          postalCode,
          county: postalCode ? null : (rule.counties?.[0] ?? null),
        },
      });
    }
  }
  return [...leaves, ...metros.values()];
}
