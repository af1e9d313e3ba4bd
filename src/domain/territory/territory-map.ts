import { SEGMENTS, type Segment } from '../account/account.js';
import type { CompiledTerritories } from './compile-territories.js';
import type { LeafGeography } from './list-leaves.js';
import { routeAccount } from './route-account.js';

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

/** Routes a place in every leaf, for every segment: the territory, its AE (named when a user has that e-mail). */
export function mapTerritories(
  compiled: CompiledTerritories,
  leaves: readonly LeafGeography[],
  aeNames: ReadonlyMap<string, string>,
): MapEntry[] {
  return leaves.flatMap((leaf) =>
    SEGMENTS.map((segment): MapEntry => {
      const routing = routeAccount(compiled, { ...leaf.place, segment });
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
