import { describe, expect, it } from 'vitest';
import { sampleTerritoryModel } from '../../../test/support/territory-models.js';
import type { Segment } from '../account/account.js';
import { compileTerritories } from './compile-territories.js';
import { routeAccount } from './route-account.js';

const compiled = compileTerritories(sampleTerritoryModel());

const route = (
  country: string,
  subdivision: string | null,
  postalCode: string | null,
  segment: Segment = 'enterprise',
) => routeAccount(compiled, { country, subdivision, postalCode, segment });

const territoryOf = (routing: ReturnType<typeof route>) => (routing.ok ? routing.territory : routing.reason);

describe('precedence: metro > subdivision > country > country set; a segment rule beats one without', () => {
  it.each([
    ['San Jose, CA', 'US', 'US-CA', '95113', 'bay_area'],
    ['San Francisco, CA', 'US', 'US-CA', '94105', 'bay_area'],
    ['Oakland, CA (with a space and a ZIP+4)', 'US', 'US-CA', '946 12-3456', 'bay_area'],
    ['Fresno, CA', 'US', 'US-CA', '93721', 'california'],
    ['Los Angeles, CA', 'US', 'US-CA', '90012', 'california'],
    ['Dallas, TX', 'US', 'US-TX', '75201', 'texas_metros'],
    ['Houston, TX', 'US', 'US-TX', '77002', 'texas_metros'],
    ['Austin, TX', 'US', 'US-TX', '78701', 'texas_metros'],
    ['San Antonio, TX', 'US', 'US-TX', '78205', 'texas_metros'],
    ['El Paso, TX', 'US', 'US-TX', '79901', 'texas'],
    ['Lubbock, TX', 'US', 'US-TX', '79401', 'texas'],
    ['Texas, no postal code', 'US', 'US-TX', null, 'texas'],
    ['New York: no state rule, the country rule', 'US', 'US-NY', '10004', 'us_rest'],
    ['Paris: a country rule', 'FR', null, '75001', 'europe'],
    ['Lisbon: a country set', 'PT', null, '1100', 'europe'],
    ['Dallas postal code in another state does not make it Texas metros', 'US', 'US-OK', '75201', 'us_rest'],
  ])('%s → %s', (_label, country, subdivision, postalCode, expected) => {
    expect(territoryOf(route(country, subdivision, postalCode))).toBe(expected);
  });

  it('splits India by segment: enterprise to one AE, mid-market and smb to another', () => {
    expect(territoryOf(route('IN', 'IN-KA', '560001', 'enterprise'))).toBe('india_enterprise');
    expect(territoryOf(route('IN', null, null, 'mid_market'))).toBe('india_mid_market');
    expect(territoryOf(route('IN', null, null, 'smb'))).toBe('india_mid_market');
  });

  it('names the AE, the region and its RVP, and the rule that fired, in words', () => {
    const routing = route('US', 'US-CA', '95113');
    expect(routing).toMatchObject({
      ok: true,
      territory: 'bay_area',
      ae: 'ae.bay@example.com',
      region: 'west',
      rvp: 'rvp.west@example.com',
      rule: { territory: 'bay_area', rule: 0, level: 'metro', segmented: false },
    });
    expect(routing.because).toBe(
      'postal codes 951… are the Bay Area metro, which beats California → Bay Area',
    );
  });

  it('says a segment rule won', () => {
    expect(route('IN', null, null, 'smb').because).toBe(
      'India, smb segment → India Mid-Market (a segment rule beats one without)',
    );
  });

  it('a country in no territory is a gap; an excluded one is refused with its reason', () => {
    expect(route('JP', null, null)).toMatchObject({ ok: false, reason: 'gap', territories: [] });
    expect(route('JP', null, null).because).toBe(
      'no rule of the territory model covers Japan, enterprise segment',
    );
    expect(route('KP', null, null)).toMatchObject({ ok: false, reason: 'excluded' });
    expect(route('KP', null, null).because).toContain('export controls');
  });

  it('a country split by subdivision needs the account’s subdivision', () => {
    expect(route('US', null, '95113')).toMatchObject({ ok: false, reason: 'needs_subdivision' });
  });

  it('a second-level subdivision routes by the first-level one it lies in', () => {
    const model = sampleTerritoryModel();
    model.territories.push({
      key: 'spain_madrid',
      name: 'Madrid',
      region: 'east',
      ae: 'ae.madrid@example.com',
      rules: [{ level: 'subdivision', subdivisions: ['ES-MD'] }],
    });
    const withMadrid = compileTerritories(model);
    expect(
      territoryOf(
        routeAccount(withMadrid, { country: 'ES', subdivision: 'ES-M', postalCode: null, segment: 'smb' }),
      ),
    ).toBe('spain_madrid');
    expect(
      territoryOf(
        routeAccount(withMadrid, { country: 'ES', subdivision: 'ES-B', postalCode: null, segment: 'smb' }),
      ),
    ).toBe('europe');
  });

  it('metros by county', () => {
    const model = sampleTerritoryModel();
    model.territories.push({
      key: 'austin_county',
      name: 'Travis',
      region: 'west',
      ae: 'ae.travis@example.com',
      rules: [{ level: 'metro', metro: 'Austin', subdivision: 'US-NM', counties: ['Santa Fe'] }],
    });
    const withCounty = compileTerritories(model);
    const place = { country: 'US', subdivision: 'US-NM', postalCode: '87501', segment: 'smb' as const };
    expect(territoryOf(routeAccount(withCounty, { ...place, county: ' santa FE ' }))).toBe('austin_county');
    expect(territoryOf(routeAccount(withCounty, { ...place, county: 'Bernalillo' }))).toBe('us_rest');
  });
});
