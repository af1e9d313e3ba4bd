import type { GeoLevel, TerritoryModel, TerritoryRule } from '../../api';
import { segmentLabel } from '../../shared/segments';

/** Least specific first: a rule of a later level always beats one of an earlier level (the model's order). */
export const LEVELS: readonly GeoLevel[] = ['country_set', 'country', 'subdivision', 'metro'];

export const LEVEL_NAMES: Record<GeoLevel, string> = {
  country_set: 'Country set',
  country: 'Country',
  subdivision: 'Subdivision',
  metro: 'Metro',
};

/** What names a code in words (ISO 3166 when loaded; the code itself until then). */
export interface PlaceNames {
  countryName(code: string): string | undefined;
  subdivisionName(code: string): string | undefined;
}

const listed = (names: string[]) => names.join(', ');

/** A rule's geography in words: "Germany, Austria, Switzerland", "Bay Area (California): postal codes 940…". */
export function ruleInWords(
  rule: TerritoryRule,
  model: TerritoryModel,
  names: PlaceNames | undefined,
): string {
  const country = (code: string) => names?.countryName(code) ?? code;
  const subdivision = (code: string) => names?.subdivisionName(code) ?? code;
  switch (rule.level) {
    case 'country_set':
      return listed(
        rule.sets.map((key) => {
          const set = model.countrySets.find((candidate) => candidate.key === key);
          return set ? `${set.name} (${set.countries.length} countries)` : key;
        }),
      );
    case 'country':
      return listed(rule.countries.map(country));
    case 'subdivision':
      return listed(rule.subdivisions.map(subdivision));
    case 'metro': {
      const by = [
        rule.postalPrefixes?.length
          ? `postal codes ${listed(rule.postalPrefixes.map((p) => `${p}…`))}`
          : null,
        rule.counties?.length ? `counties ${listed(rule.counties)}` : null,
      ].filter(Boolean);
      return `${rule.metro} (${subdivision(rule.subdivision)}): ${by.join('; ') || 'nothing yet'}`;
    }
  }
}

/** "3 of 4 (subdivision)", with "+ segment" where the rule names segments (it beats its level's others). */
export function precedenceInWords(rule: TerritoryRule): string {
  const rank = LEVELS.indexOf(rule.level) + 1;
  const segmented = (rule.segments?.length ?? 0) > 0;
  return `${rank} of ${LEVELS.length} (${LEVEL_NAMES[rule.level].toLowerCase()})${segmented ? ' + segment' : ''}`;
}

export function segmentsInWords(rule: TerritoryRule): string {
  return rule.segments?.length ? rule.segments.map(segmentLabel).join(', ') : 'All';
}
