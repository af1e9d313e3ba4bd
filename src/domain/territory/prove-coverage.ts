import type { CompiledTerritories } from './compile-territories.js';
import type { CoverageReport } from './territory-model.js';

/** Every leaf geography × segment must resolve to exactly one AE: the gaps and overlaps when not. */
export function proveCoverage(_compiled: CompiledTerritories): CoverageReport {
  throw new Error('proveCoverage: not implemented yet');
}
