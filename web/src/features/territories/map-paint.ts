import type { TerritoryMapEntry, TerritoryModelDetail } from '../../api';
import { segmentLabel } from '../../shared/segments';

/**
 * What the map paints on each geography and says about it, from a version's map entries, coverage proof and
 * exclusions: a colour per AE (every territory of one AE in their colour), hatching where a segment split
 * gives one geography to several AEs, grey for excluded countries, red for gaps, orange for overlaps.
 */

/** Fill colours for the AEs (no red, orange, yellow or grey: those are near gap, overlap and excluded). */
const PALETTE = [
  '#4c6ef5',
  '#12b886',
  '#be4bdb',
  '#15aabf',
  '#82c91e',
  '#7950f2',
  '#228be6',
  '#40c057',
  '#9c36b5',
  '#0b7285',
  '#5c940d',
  '#364fc7',
  '#087f5b',
  '#74c0fc',
  '#b197fc',
  '#8ce99a',
  '#66d9e8',
  '#e599f7',
  '#1864ab',
  '#c0eb75',
  '#5f3dc4',
  '#38d9a9',
] as const;
export const GAP_FILL = '#e03131';
export const OVERLAP_FILL = '#fd7e14';
export const EXCLUDED_FILL = '#adb5bd';
/** A place the model says nothing of (drawn without an ISO code, or a US state of a country not split). */
export const UNNAMED_FILL = '#f1f3f5';

export type PaintKind = 'territory' | 'split' | 'subdivided' | 'overlap' | 'gap' | 'excluded' | 'unnamed';

export interface GeographyPaint {
  kind: PaintKind;
  /** A colour, or `url(#id)` of a hatch pattern. */
  fill: string;
  /** The sentences hover, focus and the accessible name say: territory, AE and the rule, per segment. */
  lines: string[];
}

export interface HatchPattern {
  id: string;
  colours: string[];
}

export interface LegendOwner {
  ae: string;
  aeName: string;
  colour: string;
  territories: Array<{ key: string; name: string }>;
}

export interface MapPaint {
  /** By geography code: a country's alpha-2, or a subdivision's ISO 3166-2 code. */
  byGeography: Map<string, GeographyPaint>;
  patterns: HatchPattern[];
  legend: LegendOwner[];
  /** Geographies a segment split gives to more than one territory, with whom each segment goes to. */
  splits: Array<{ geography: string; name: string; lines: string[] }>;
  /** Metro overrides, by the subdivision they sit in (no shape: listed, and named on their state). */
  metros: Array<{ geography: string; name: string; lines: string[] }>;
}

const SEGMENT_ORDER = ['enterprise', 'mid_market', 'smb'];

function segmentsText(segments: string[]): string {
  const all = SEGMENT_ORDER.every((segment) => segments.includes(segment));
  return all ? 'all segments' : segments.map(segmentLabel).join(', ');
}

/** "Enterprise: India Enterprise, Arjun Mehta — India is in rule 1 (country)", one per distinct owner. */
function ownerLines(entries: TerritoryMapEntry[]): string[] {
  const groups = new Map<string, TerritoryMapEntry[]>();
  for (const entry of entries) {
    const key = `${entry.territory ?? ''}|${entry.because}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [TerritoryMapEntry];
    const who = first.territory
      ? `${first.territoryName ?? first.territory}, ${first.ae?.name ?? first.ae?.email ?? 'no AE'}`
      : 'no territory';
    const segments = groups.size > 1 ? `${segmentsText(group.map((entry) => entry.segment))}: ` : '';
    return `${segments}${who} — ${first.because}`;
  });
}

const distinct = <T>(values: T[]) => [...new Set(values)];

export function paintMap(detail: Pick<TerritoryModelDetail, 'model' | 'coverage' | 'map'>): MapPaint {
  const { model, coverage, map } = detail;
  const aes = distinct(model.territories.map((territory) => territory.ae));
  const aeColour = new Map(aes.map((ae, index) => [ae, PALETTE[index % PALETTE.length] as string]));
  const territoryAe = new Map(model.territories.map((territory) => [territory.key, territory.ae]));
  const territoryName = new Map(model.territories.map((territory) => [territory.key, territory.name]));
  const colourOf = (territory: string) => aeColour.get(territoryAe.get(territory) ?? '') ?? UNNAMED_FILL;
  const aeNames = new Map(map.flatMap((entry) => (entry.ae?.name ? [[entry.ae.email, entry.ae.name]] : [])));

  const byGeography = new Map<string, GeographyPaint>();
  const patterns: HatchPattern[] = [];
  const splits: MapPaint['splits'] = [];
  const metros: MapPaint['metros'] = [];

  /** The fill of a hatch pattern in these colours (one pattern per set of colours). */
  const hatch = (fills: string[]) => {
    const colours = distinct(fills);
    if (colours.length === 1) return colours[0] as string;
    const id = `hatch-${colours.map((colour) => colour.slice(1)).join('-')}`;
    if (!patterns.some((pattern) => pattern.id === id)) patterns.push({ id, colours });
    return `url(#${id})`;
  };

  const entriesOf = new Map<string, TerritoryMapEntry[]>();
  for (const entry of map) entriesOf.set(entry.geography, [...(entriesOf.get(entry.geography) ?? []), entry]);

  for (const [geography, entries] of entriesOf) {
    const [first] = entries as [TerritoryMapEntry];
    const lines = ownerLines(entries);
    if (first.level === 'metro') {
      metros.push({ geography, name: first.name, lines });
      continue;
    }
    const territories = distinct(entries.flatMap((entry) => (entry.territory ? [entry.territory] : [])));
    if (territories.length === 0) {
      byGeography.set(geography, { kind: 'gap', fill: GAP_FILL, lines: [`Gap: ${lines.join('; ')}`] });
    } else if (territories.length > 1) {
      byGeography.set(geography, { kind: 'split', fill: hatch(territories.map(colourOf)), lines });
      splits.push({ geography, name: first.name, lines });
    } else {
      byGeography.set(geography, { kind: 'territory', fill: colourOf(territories[0] ?? ''), lines });
    }
  }
  // A country split by subdivision (the US by state), on the world map: hatched in its territories' colours.
  const subdivided = new Map<string, TerritoryMapEntry[]>();
  for (const entry of map)
    if (entry.level === 'subdivision')
      subdivided.set(entry.country, [...(subdivided.get(entry.country) ?? []), entry]);
  for (const [country, entries] of subdivided) {
    if (byGeography.has(country)) continue;
    const territories = distinct(entries.flatMap((entry) => (entry.territory ? [entry.territory] : [])));
    const names = territories.map((key) => territoryName.get(key) ?? key).join(', ');
    const line = `Split by subdivision between ${territories.length} territories (${names})`;
    byGeography.set(country, { kind: 'subdivided', fill: hatch(territories.map(colourOf)), lines: [line] });
  }
  for (const gap of coverage.gaps) {
    const line = `Gap: no rule covers ${gap.name} for ${segmentsText(gap.segments)}`;
    const known = byGeography.get(gap.geography);
    byGeography.set(gap.geography, {
      kind: 'gap',
      fill: GAP_FILL,
      lines: known?.kind === 'gap' ? [line] : [line, ...(known?.lines ?? [])],
    });
  }
  for (const overlap of coverage.overlaps) {
    const names = overlap.territories.map((key) => territoryName.get(key) ?? key).join(' and ');
    const line = `Overlap: ${names} both claim ${overlap.name} for ${segmentsText(overlap.segments)} (${overlap.level.replace('_', ' ')} rules)`;
    const known = byGeography.get(overlap.geography);
    byGeography.set(overlap.geography, {
      kind: 'overlap',
      fill: OVERLAP_FILL,
      lines: [line, ...(known?.lines ?? [])],
    });
  }
  for (const exclusion of model.excluded) {
    for (const country of exclusion.countries) {
      byGeography.set(country, {
        kind: 'excluded',
        fill: EXCLUDED_FILL,
        lines: [`Excluded: ${exclusion.reason}`],
      });
    }
  }

  // A state's metros beat it: its hover text says so.
  for (const metro of metros) {
    const subdivision = metro.geography.split('/')[0] ?? '';
    const paint = byGeography.get(subdivision);
    const metroName = metro.geography.split('metro:')[1] ?? metro.name;
    if (paint) paint.lines.push(`the ${metroName} metro beats it: ${metro.lines.join('; ')}`);
  }

  const legend = aes.map((ae) => ({
    ae,
    aeName: aeNames.get(ae) ?? ae,
    colour: aeColour.get(ae) ?? UNNAMED_FILL,
    territories: model.territories
      .filter((territory) => territory.ae === ae)
      .map((territory) => ({ key: territory.key, name: territory.name })),
  }));
  return { byGeography, patterns, legend, splits, metros };
}
