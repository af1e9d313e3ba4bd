import type { Segment } from '../account/account.js';

/**
 * The territory and coverage model, as data: regions led by an RVP, territories owned by one AE each, and the
 * rules that say which geography a territory covers. Written in a file beside the playbook
 * (territories/*.yaml), kept in the database as versions (draft → active → archived).
 *
 * People are named by their e-mail address: the file is the company's, the user ids are the database's.
 */
export interface TerritoryModel {
  name: string;
  /** Named sets of countries (LATAM, Nordics, Middle East, …): data, never code. */
  countrySets: CountrySet[];
  regions: TerritoryRegion[];
  territories: Territory[];
  /** Countries the company does not sell into (export controls, uninhabited): not gaps; routing refuses them. */
  excluded: ExcludedCountries[];
}

export interface ExcludedCountries {
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** Why, in words, e.g. "export controls". */
  reason: string;
}

export interface CountrySet {
  key: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
}

export interface TerritoryRegion {
  key: string;
  name: string;
  /** The e-mail of the RVP who leads the region. */
  rvp: string;
}

export interface Territory {
  key: string;
  name: string;
  /** The key of the region it belongs to. */
  region: string;
  /** The e-mail of the one AE who owns it. */
  ae: string;
  rules: TerritoryRule[];
}

/** Precedence, least specific first: a rule of a later level always beats one of an earlier level. */
export const GEO_LEVELS = ['country_set', 'country', 'subdivision', 'metro'] as const;
export type GeoLevel = (typeof GEO_LEVELS)[number];

/**
 * One rule of a territory. `segments` narrows it to those account segments (absent: every segment); within one
 * level a segment rule beats one without (a segment split refines any level).
 */
export type TerritoryRule =
  | { level: 'country_set'; sets: string[]; segments?: Segment[] }
  | { level: 'country'; countries: string[]; segments?: Segment[] }
  | { level: 'subdivision'; subdivisions: string[]; segments?: Segment[] }
  | {
      level: 'metro';
      /** The metro's name, e.g. Bay Area. */
      metro: string;
      /** The ISO 3166-2 subdivision the metro sits in: it beats that subdivision's rules. */
      subdivision: string;
      /** Postal-code prefixes (compared without spaces, upper case), e.g. 940. */
      postalPrefixes?: string[];
      /** County names, compared case-insensitively (the account's county). */
      counties?: string[];
      segments?: Segment[];
    };

/** What routing reads of an account. */
export interface AccountPlace {
  country: string;
  subdivision: string | null;
  postalCode: string | null;
  county?: string | null;
  segment: Segment;
}

/** Where a rule sits in the model: territory key and rule index, for explanations and the rule table. */
export interface RuleRef {
  territory: string;
  rule: number;
  level: GeoLevel;
  /** True when the rule names segments (it beats a rule of the same level that does not). */
  segmented: boolean;
}

/** The answer of routing one account: the territory, its AE and region, and the rule that fired, in words. */
export type Routing =
  | {
      ok: true;
      territory: string;
      territoryName: string;
      ae: string;
      region: string;
      rvp: string;
      rule: RuleRef;
      /** e.g. "postal code 95113 is in the Bay Area metro (prefix 951), which beats California". */
      because: string;
    }
  | {
      ok: false;
      /** gap: no rule matches; overlap: two territories' rules of the same precedence match; needs_subdivision:
       * the country is split by subdivision and the account has none; excluded: the model excludes the country. */
      reason: 'gap' | 'overlap' | 'needs_subdivision' | 'excluded';
      territories: string[];
      /** For an overlap: the level of the rules that collide. */
      level?: GeoLevel;
      because: string;
    };

/** One leaf geography of the coverage proof: a country, a subdivision of a split country, or a metro; × segment. */
export interface Leaf {
  /** A country code, a subdivision code, or `US-CA/metro:Bay Area`. */
  geography: string;
  /** Its name in words, e.g. "California, United States". */
  name: string;
  segment: Segment;
}

export interface CoverageGap {
  geography: string;
  name: string;
  /** The segments of this geography no rule covers (every segment: the whole geography is uncovered). */
  segments: Segment[];
}

export interface CoverageOverlap {
  geography: string;
  name: string;
  segments: Segment[];
  /** The territories whose rules of the same precedence all match it. */
  territories: string[];
  level: GeoLevel;
}

/** The coverage proof: every leaf resolves to exactly one AE, or the gaps and overlaps that stop activation. */
export interface CoverageReport {
  ok: boolean;
  /** Leaves checked (geographies × segments). */
  leaves: number;
  gaps: CoverageGap[];
  overlaps: CoverageOverlap[];
}
