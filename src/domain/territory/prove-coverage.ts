import { SEGMENTS, type Segment } from '../account/account.js';
import type { CompiledTerritories } from './compile-territories.js';
import { listLeafGeographies, routeLeaf } from './coverage-leaves.js';
import type { CoverageGap, CoverageOverlap, CoverageReport } from './territory-model.js';

/**
 * The coverage proof: every leaf geography × segment must resolve to exactly one AE. A leaf no rule matches is
 * a gap; a leaf that rules of two territories match at the same precedence is an overlap. A model with either
 * is never activated.
 */
export function proveCoverage(compiled: CompiledTerritories): CoverageReport {
  const gaps = new Map<string, CoverageGap>();
  const overlaps = new Map<string, CoverageOverlap>();
  let leaves = 0;
  for (const leaf of listLeafGeographies(compiled)) {
    for (const segment of SEGMENTS) {
      leaves += 1;
      const routing = routeLeaf(compiled, leaf, segment);
      if (routing.ok) continue;
      if (routing.reason === 'overlap') {
        const key = `${leaf.geography}|${routing.territories.join(',')}`;
        const found = overlaps.get(key);
        if (found) found.segments.push(segment);
        else {
          overlaps.set(key, {
            geography: leaf.geography,
            name: leaf.name,
            segments: [segment],
            territories: routing.territories,
            level: routing.level ?? leaf.level,
          });
        }
        continue;
      }
      addGap(gaps, leaf.geography, leaf.name, segment);
    }
  }
  return {
    ok: gaps.size === 0 && overlaps.size === 0,
    leaves,
    gaps: [...gaps.values()],
    overlaps: [...overlaps.values()],
  };
}

function addGap(gaps: Map<string, CoverageGap>, geography: string, name: string, segment: Segment) {
  const found = gaps.get(geography);
  if (found) found.segments.push(segment);
  else gaps.set(geography, { geography, name, segments: [segment] });
}
