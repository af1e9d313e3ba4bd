import { describe, expect, it } from 'vitest';
import type { CoverageReport, TerritoryModel } from '../../domain/territory/territory-model.js';
import { describeCoverage } from './describe-coverage.js';

const model = {
  name: 'Test',
  countrySets: [],
  regions: [{ key: 'emea', name: 'EMEA', rvp: 'r@example.com' }],
  territories: [
    { key: 'dach', name: 'DACH', region: 'emea', ae: 'a@example.com', rules: [] },
    { key: 'alps', name: 'Alps', region: 'emea', ae: 'b@example.com', rules: [] },
  ],
  excluded: [{ countries: ['KP', 'IR'], reason: 'export controls' }],
} satisfies TerritoryModel;

describe('territory check in words', () => {
  it('says what was checked and that coverage holds', () => {
    const report: CoverageReport = { ok: true, leaves: 1234, gaps: [], overlaps: [] };
    expect(describeCoverage('t.yaml', model, report)).toEqual([
      't.yaml: valid — 2 territories in 1 region; 2 countries excluded; 1,234 leaves checked (geography × segment)',
      'coverage: every leaf has exactly one AE',
    ]);
  });

  it('lists every gap and overlap, one a line', () => {
    const report: CoverageReport = {
      ok: false,
      leaves: 9,
      gaps: [
        { geography: 'FR', name: 'France', segments: ['enterprise', 'mid_market', 'smb'] },
        { geography: 'IN', name: 'India', segments: ['smb'] },
      ],
      overlaps: [
        {
          geography: 'CH',
          name: 'Switzerland',
          segments: ['enterprise', 'mid_market', 'smb'],
          territories: ['dach', 'alps'],
          level: 'country',
        },
      ],
    };
    expect(describeCoverage('t.yaml', model, report).slice(1)).toEqual([
      'coverage: REFUSED — 2 gaps, 1 overlap',
      'gap: FR (France), every segment: no territory covers it',
      'gap: IN (India), smb: no territory covers it',
      'overlap: CH (Switzerland), every segment: dach, alps all match at the country level',
    ]);
  });
});
