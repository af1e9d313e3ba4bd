import type { PersonOfModel } from './resolve-people.js';
import type { CoverageReport } from './territory-model.js';

const segmentsText = (segments: readonly string[]) => segments.join(', ');

/**
 * Why a model may not be activated, in words: every gap, every overlap, every person who does not resolve.
 * Territories are named by their names (`names`: key → name), falling back to the key.
 */
export function activationRefusals(
  coverage: CoverageReport,
  people: readonly PersonOfModel[],
  names: ReadonlyMap<string, string> = new Map(),
): string[] {
  const named = (key: string) => names.get(key) ?? key;
  return [
    ...coverage.gaps.map(
      (gap) => `gap: ${gap.name} (${gap.geography}; ${segmentsText(gap.segments)}) is in no territory`,
    ),
    ...coverage.overlaps.map(
      (overlap) =>
        `overlap: ${overlap.name} (${overlap.geography}; ${segmentsText(overlap.segments)}) is in ` +
        `${overlap.territories.map(named).join(' and ')} by rules of the same precedence (${overlap.level})`,
    ),
    ...people
      .filter((person) => person.problem !== null)
      .map(
        (person) =>
          `people: ${person.email} (${person.role === 'ae' ? 'AE of' : 'RVP of'} ${person.territories.map(named).join(', ')}) ${person.problem}`,
      ),
  ];
}
