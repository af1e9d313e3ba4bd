import { SEGMENTS, type Segment } from '../account/account.js';
import type { CompiledTerritories } from './compile-territories.js';
import { type LeafGeography, listLeafGeographies, routeLeaf } from './coverage-leaves.js';

/** One leaf × segment as the map colours it, with the hover text. */
export interface MapEntry {
  geography: string;
  name: string;
  level: LeafGeography['level'];
  country: string;
  segment: Segment;
  territory: string | null;
  territoryName: string | null;
  ae: { email: string; name: string | null } | null;
  region: string | null;
  because: string;
}

/**
 * Every leaf of the coverage proof × every segment, routed as the proof routes it: the territory and its AE
 * (named when a user has that e-mail, by lower-case e-mail in `aeNames`), or why none.
 */
export function mapTerritories(
  compiled: CompiledTerritories,
  aeNames: ReadonlyMap<string, string>,
): MapEntry[] {
  return listLeafGeographies(compiled).flatMap((leaf) =>
    SEGMENTS.map((segment): MapEntry => {
      const routing = routeLeaf(compiled, leaf, segment);
      const base = {
        geography: leaf.geography,
        name: leaf.name,
        level: leaf.level,
        country: leaf.country,
        segment,
        because: routing.because,
      };
      if (!routing.ok) return { ...base, territory: null, territoryName: null, ae: null, region: null };
      return {
        ...base,
        territory: routing.territory,
        territoryName: routing.territoryName,
        ae: { email: routing.ae, name: aeNames.get(routing.ae.trim().toLowerCase()) ?? null },
        region: routing.region,
      };
    }),
  );
}
