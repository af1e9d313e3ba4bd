import { describe, expect, it } from 'vitest';
import type { TerritoryMapEntry, TerritoryModel } from '../../api';
import { EXCLUDED_FILL, GAP_FILL, OVERLAP_FILL, paintMap } from './map-paint';

const model: TerritoryModel = {
  name: 'Test',
  countrySets: [],
  regions: [{ key: 'r', name: 'R', rvp: 'rvp@example.com' }],
  territories: [
    { key: 'de', name: 'Germany', region: 'r', ae: 'a@example.com', rules: [] },
    { key: 'fr', name: 'France', region: 'r', ae: 'b@example.com', rules: [] },
    { key: 'in_ent', name: 'India Enterprise', region: 'r', ae: 'c@example.com', rules: [] },
  ],
  excluded: [{ countries: ['KP'], reason: 'export controls' }],
};

const entry = (
  geography: string,
  segment: TerritoryMapEntry['segment'],
  territory: string | null,
  ae: string | null,
  level: TerritoryMapEntry['level'] = 'country',
): TerritoryMapEntry => ({
  geography,
  name: geography,
  level,
  country: geography.slice(0, 2),
  segment,
  territory,
  territoryName: model.territories.find((candidate) => candidate.key === territory)?.name ?? null,
  ae: ae ? { email: ae, name: ae.split('@')[0] ?? null } : null,
  region: territory ? 'r' : null,
  because: territory ? `${geography} is in ${territory}` : `no rule covers ${geography}`,
});
const everySegment = (geography: string, territory: string | null, ae: string | null) =>
  (['enterprise', 'mid_market', 'smb'] as const).map((segment) => entry(geography, segment, territory, ae));

describe('painting the map', () => {
  it('colours by AE, hatches a segment split, greys exclusions, marks gaps and overlaps', () => {
    const paint = paintMap({
      model,
      coverage: {
        ok: false,
        leaves: 12,
        gaps: [{ geography: 'BR', name: 'Brazil', segments: ['enterprise', 'mid_market', 'smb'] }],
        overlaps: [
          { geography: 'FR', name: 'France', segments: ['smb'], territories: ['de', 'fr'], level: 'country' },
        ],
      },
      map: [
        ...everySegment('DE', 'de', 'a@example.com'),
        ...everySegment('FR', 'fr', 'b@example.com'),
        ...everySegment('BR', null, null),
        entry('IN', 'enterprise', 'in_ent', 'c@example.com'),
        entry('IN', 'mid_market', 'de', 'a@example.com'),
        entry('IN', 'smb', 'de', 'a@example.com'),
        entry('US-CA/metro:Bay Area', 'enterprise', 'fr', 'b@example.com', 'metro'),
      ],
    });
    const at = (code: string) => paint.byGeography.get(code);
    expect(at('DE')).toMatchObject({ kind: 'territory', lines: ['Germany, a — DE is in de'] });
    expect(at('DE')?.fill).not.toBe(at('IN')?.fill);
    expect(at('IN')?.kind).toBe('split');
    expect(at('IN')?.fill).toMatch(/^url\(#hatch-/);
    expect(at('IN')?.lines).toEqual([
      'Enterprise: India Enterprise, c — IN is in in_ent',
      'Mid-market, SMB: Germany, a — IN is in de',
    ]);
    expect(paint.splits.map((split) => split.geography)).toEqual(['IN']);
    expect(at('FR')).toMatchObject({ kind: 'overlap', fill: OVERLAP_FILL });
    expect(at('FR')?.lines[0]).toBe('Overlap: Germany and France both claim France for SMB (country rules)');
    expect(at('BR')).toMatchObject({ kind: 'gap', fill: GAP_FILL });
    expect(at('KP')).toMatchObject({
      kind: 'excluded',
      fill: EXCLUDED_FILL,
      lines: ['Excluded: export controls'],
    });
    expect(paint.metros.map((metro) => metro.geography)).toEqual(['US-CA/metro:Bay Area']);
    expect(paint.legend.map((owner) => [owner.aeName, owner.territories.map((t) => t.key)])).toEqual([
      ['a', ['de']],
      ['b', ['fr']],
      ['c', ['in_ent']],
    ]);
  });
});
