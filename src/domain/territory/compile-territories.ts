import { SEGMENTS, type Segment } from '../account/account.js';
import { countryByCode, subdivisionByCode } from '../geography/iso-3166.js';
import type { Routing, RuleRef, Territory, TerritoryModel, TerritoryRule } from './territory-model.js';

/** Per segment, the answer for accounts that reach this key at this level; null: no rule here, look further. */
export type SegmentAnswers = Readonly<Record<Segment, Routing | null>>;

/** A metro by postal-code prefix, inside one subdivision: the prefix lengths to try and the answers by prefix. */
export interface PostalMetros {
  lengths: number[];
  byPrefix: Map<string, SegmentAnswers>;
}

/**
 * A validated territory model compiled into lookup tables, most specific level first. Every answer is computed
 * once here, so routing an account is a handful of map look-ups and allocates nothing.
 */
export interface CompiledTerritories {
  model: TerritoryModel;
  excluded: Map<string, Routing>;
  /** Countries some subdivision or metro rule splits: their accounts route by subdivision. */
  splitCountries: Map<string, Routing>;
  metrosByPostal: Map<string, PostalMetros>;
  /** Key: `${subdivision}|${county in lower case}`. */
  metrosByCounty: Map<string, SegmentAnswers>;
  subdivisions: Map<string, SegmentAnswers>;
  countries: Map<string, SegmentAnswers>;
  countrySets: Map<string, SegmentAnswers>;
}

/** One rule that matches a key, with the words that say why. */
interface Match {
  territory: Territory;
  ref: RuleRef;
  segments: readonly Segment[] | undefined;
  what: string;
}

const countryName = (code: string) => countryByCode(code)?.name ?? code;
const subdivisionName = (code: string) => subdivisionByCode(code)?.name ?? code;
export const normalizePostalCode = (postalCode: string) => postalCode.replace(/[\s-]/g, '').toUpperCase();
export const countyKey = (subdivision: string, county: string) =>
  `${subdivision}|${county.trim().toLowerCase()}`;

function refOf(territory: Territory, index: number, rule: TerritoryRule): RuleRef {
  return {
    territory: territory.key,
    rule: index,
    level: rule.level,
    segmented: (rule.segments?.length ?? 0) > 0,
  };
}

/** The answer for one segment among the rules of one level that match one key. */
function answer(model: TerritoryModel, matches: Match[], segment: Segment): Routing | null {
  const segmented = matches.filter((match) => match.segments?.includes(segment));
  const winners = segmented.length > 0 ? segmented : matches.filter((match) => !match.segments?.length);
  if (winners.length === 0) return null;
  const territories = [...new Set(winners.map((winner) => winner.territory.key))];
  const first = winners[0] as Match;
  const bySegment = segmented.length > 0 ? `, ${segment} segment` : '';
  if (territories.length > 1) {
    return {
      ok: false,
      reason: 'overlap',
      territories,
      level: first.ref.level,
      because: `${first.what}${bySegment}: rules of the same precedence in ${territories.join(', ')} all match`,
    };
  }
  const { territory } = first;
  const region = model.regions.find((candidate) => candidate.key === territory.region);
  const beats = segmented.length > 0 ? ' (a segment rule beats one without)' : '';
  return {
    ok: true,
    territory: territory.key,
    territoryName: territory.name,
    ae: territory.ae,
    region: territory.region,
    rvp: region?.rvp ?? '',
    rule: first.ref,
    because: `${first.what}${bySegment} → ${territory.name}${beats}`,
  };
}

function answersFor(model: TerritoryModel, matches: Match[]): SegmentAnswers {
  const entries = SEGMENTS.map((segment) => [segment, answer(model, matches, segment)] as const);
  return Object.fromEntries(entries) as Record<Segment, Routing | null>;
}

function addMatch(table: Map<string, Match[]>, key: string, match: Match) {
  const list = table.get(key);
  if (list) list.push(match);
  else table.set(key, [match]);
}

function compileTable(model: TerritoryModel, table: Map<string, Match[]>): Map<string, SegmentAnswers> {
  return new Map([...table].map(([key, matches]) => [key, answersFor(model, matches)]));
}

interface MatchTables {
  postal: Map<string, Map<string, Match[]>>;
  county: Map<string, Match[]>;
  subdivision: Map<string, Match[]>;
  country: Map<string, Match[]>;
  countrySet: Map<string, Match[]>;
  split: Set<string>;
}

function collectMatches(model: TerritoryModel): MatchTables {
  const tables: MatchTables = {
    postal: new Map(),
    county: new Map(),
    subdivision: new Map(),
    country: new Map(),
    countrySet: new Map(),
    split: new Set(),
  };
  const sets = new Map(model.countrySets.map((set) => [set.key, set]));
  for (const territory of model.territories) {
    territory.rules.forEach((rule, index) => {
      const ref = refOf(territory, index, rule);
      const match = (what: string): Match => ({ territory, ref, segments: rule.segments, what });
      collectRule(tables, sets, rule, match);
    });
  }
  return tables;
}

function collectRule(
  tables: MatchTables,
  sets: Map<string, TerritoryModel['countrySets'][number]>,
  rule: TerritoryRule,
  match: (what: string) => Match,
) {
  switch (rule.level) {
    case 'country_set':
      for (const key of rule.sets) {
        const set = sets.get(key);
        for (const country of set?.countries ?? []) {
          addMatch(tables.countrySet, country, match(`${countryName(country)} is in the ${set?.name} set`));
        }
      }
      return;
    case 'country':
      for (const country of rule.countries) addMatch(tables.country, country, match(countryName(country)));
      return;
    case 'subdivision':
      for (const code of rule.subdivisions) {
        tables.split.add(code.slice(0, 2));
        addMatch(tables.subdivision, code, match(`${subdivisionName(code)} (${code})`));
      }
      return;
    case 'metro': {
      tables.split.add(rule.subdivision.slice(0, 2));
      const within = `the ${rule.metro} metro, which beats ${subdivisionName(rule.subdivision)}`;
      for (const prefix of rule.postalPrefixes ?? []) {
        const byPrefix = tables.postal.get(rule.subdivision) ?? new Map<string, Match[]>();
        tables.postal.set(rule.subdivision, byPrefix);
        addMatch(byPrefix, normalizePostalCode(prefix), match(`postal codes ${prefix}… are ${within}`));
      }
      for (const county of rule.counties ?? []) {
        addMatch(tables.county, countyKey(rule.subdivision, county), match(`${county} county is ${within}`));
      }
      return;
    }
  }
}

/** Compiles a model that validateTerritoryModel accepted (its references resolve). */
export function compileTerritories(model: TerritoryModel): CompiledTerritories {
  const tables = collectMatches(model);
  const metrosByPostal = new Map<string, PostalMetros>();
  for (const [subdivision, byPrefix] of tables.postal) {
    const lengths = [...new Set([...byPrefix.keys()].map((prefix) => prefix.length))].sort((a, b) => b - a);
    metrosByPostal.set(subdivision, { lengths, byPrefix: compileTable(model, byPrefix) });
  }
  const excluded = new Map<string, Routing>();
  for (const entry of model.excluded) {
    for (const country of entry.countries) {
      excluded.set(country, {
        ok: false,
        reason: 'excluded',
        territories: [],
        because: `${countryName(country)} is outside the coverage model: ${entry.reason}`,
      });
    }
  }
  const splitCountries = new Map<string, Routing>(
    [...tables.split].map((country) => [
      country,
      {
        ok: false,
        reason: 'needs_subdivision',
        territories: [],
        because: `${countryName(country)} is split by subdivision: the account needs its state or province`,
      },
    ]),
  );
  return {
    model,
    excluded,
    splitCountries,
    metrosByPostal,
    metrosByCounty: compileTable(model, tables.county),
    subdivisions: compileTable(model, tables.subdivision),
    countries: compileTable(model, tables.country),
    countrySets: compileTable(model, tables.countrySet),
  };
}
