import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../../domain/account/account.js';
import { type CompiledTerritories, compileTerritories } from '../../domain/territory/compile-territories.js';
import { proveCoverage } from '../../domain/territory/prove-coverage.js';
import { routeAccount } from '../../domain/territory/route-account.js';
import { describeTerritoryProblems, readTerritoryModel } from './parse-territory-model.js';

const FIREBOLT = path.resolve(import.meta.dirname, '../../../territories/firebolt.yaml');

let compiled: CompiledTerritories;
beforeAll(async () => {
  const result = await readTerritoryModel(FIREBOLT);
  if (!result.ok) throw new Error(describeTerritoryProblems(result.error));
  compiled = compileTerritories(result.value);
});

describe("Firebolt's territories (territories/firebolt.yaml)", () => {
  it('covers every leaf with exactly one AE: no gap, no overlap', () => {
    const report = proveCoverage(compiled);
    expect({ gaps: report.gaps, overlaps: report.overlaps }).toEqual({ gaps: [], overlaps: [] });
    expect(report.ok).toBe(true);
  });

  it.each<[string, string, string | null, string | null, Segment, string]>([
    ['San Jose', 'US', 'US-CA', '95113', 'enterprise', 'bay_area'],
    ['San Francisco', 'US', 'US-CA', '94105', 'smb', 'bay_area'],
    ['Fresno', 'US', 'US-CA', '93721', 'enterprise', 'us_west'],
    ['Dallas', 'US', 'US-TX', '75201', 'mid_market', 'texas_metros'],
    ['Houston', 'US', 'US-TX', '77002', 'enterprise', 'texas_metros'],
    ['Austin', 'US', 'US-TX', '78701', 'smb', 'texas_metros'],
    ['San Antonio', 'US', 'US-TX', '78205', 'enterprise', 'texas_metros'],
    ['El Paso', 'US', 'US-TX', '79901', 'enterprise', 'us_central'],
    ['Chicago', 'US', 'US-IL', '60601', 'enterprise', 'us_central'],
    ['New York', 'US', 'US-NY', '10004', 'enterprise', 'us_east'],
    ['San Juan as a US state', 'US', 'US-PR', '00901', 'enterprise', 'us_east'],
    ['San Juan as a country', 'PR', null, '00901', 'enterprise', 'us_east'],
    ['Toronto', 'CA', 'CA-ON', 'M5H 2N2', 'enterprise', 'canada'],
    ['São Paulo', 'BR', 'BR-SP', '01310-100', 'enterprise', 'latam'],
    ['Dublin', 'IE', 'IE-D', 'D02 X285', 'smb', 'uki'],
    ['Zürich', 'CH', 'CH-ZH', '8001', 'enterprise', 'dach'],
    ['Oslo', 'NO', 'NO-03', '0150', 'mid_market', 'nordics'],
    ['Antwerp', 'BE', 'BE-VAN', '2000', 'mid_market', 'benelux'],
    ['Dubai', 'AE', 'AE-DU', '00000', 'enterprise', 'mea'],
    ['Cairo', 'EG', 'EG-C', '11511', 'smb', 'mea'],
    ['Paris', 'FR', null, '75001', 'enterprise', 'southern_eastern_europe'],
    ['Bengaluru, Enterprise', 'IN', 'IN-KA', '560001', 'enterprise', 'india'],
    ['Hyderabad, Mid-Market', 'IN', 'IN-TS', '500001', 'mid_market', 'india_mid_market'],
    ['Delhi, SMB (with Mid-Market)', 'IN', 'IN-DL', '110001', 'smb', 'india_mid_market'],
    ['Tokyo', 'JP', 'JP-13', '100-0005', 'enterprise', 'apac'],
  ])('%s → %s', (_label, country, subdivision, postalCode, segment, territory) => {
    const routing = routeAccount(compiled, { country, subdivision, postalCode, segment });
    expect(routing.ok ? routing.territory : routing.because).toBe(territory);
  });

  it('refuses a sanctioned country with its reason', () => {
    const routing = routeAccount(compiled, {
      country: 'CU',
      subdivision: null,
      postalCode: null,
      segment: 'enterprise',
    });
    expect(routing).toMatchObject({ ok: false, reason: 'excluded' });
    expect(routing.ok ? '' : routing.because).toContain('export controls');
  });
});
