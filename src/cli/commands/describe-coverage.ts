import { SEGMENTS, type Segment } from '../../domain/account/account.js';
import type { CoverageReport, TerritoryModel } from '../../domain/territory/territory-model.js';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

const segmentsInWords = (segments: Segment[]) =>
  SEGMENTS.every((segment) => segments.includes(segment)) ? 'every segment' : segments.join(', ');

/**
 * `closepath territory check` in words: what was checked, then either the one line that says coverage holds
 * or every gap and overlap, one a line (geography, its name, the segments; for an overlap the territories and
 * the level their rules share).
 */
export function describeCoverage(file: string, model: TerritoryModel, report: CoverageReport): string[] {
  const excluded = model.excluded.reduce((count, entry) => count + entry.countries.length, 0);
  const lines = [
    `${file}: valid — ${plural(model.territories.length, 'territory', 'territories')} in ${plural(
      model.regions.length,
      'region',
    )}; ${plural(excluded, 'country', 'countries')} excluded; ${plural(report.leaves, 'leaf', 'leaves')} checked (geography × segment)`,
  ];
  if (report.ok) return [...lines, 'coverage: every leaf has exactly one AE'];
  lines.push(
    `coverage: REFUSED — ${plural(report.gaps.length, 'gap')}, ${plural(report.overlaps.length, 'overlap')}`,
  );
  for (const gap of report.gaps) {
    lines.push(
      `gap: ${gap.geography} (${gap.name}), ${segmentsInWords(gap.segments)}: no territory covers it`,
    );
  }
  for (const overlap of report.overlaps) {
    lines.push(
      `overlap: ${overlap.geography} (${overlap.name}), ${segmentsInWords(overlap.segments)}: ` +
        `${overlap.territories.join(', ')} all match at the ${overlap.level} level`,
    );
  }
  return lines;
}
