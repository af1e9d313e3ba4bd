import { describe, expect, it } from 'vitest';
import {
  countries,
  countryByAlpha3,
  countryByCode,
  countryCodeProblem,
  subdivisionByCode,
  subdivisionCodeProblem,
  subdivisionProblem,
  subdivisionsOf,
} from './iso-3166.js';

describe('the ISO 3166 lookups', () => {
  it('finds countries by alpha-2 and alpha-3, exactly', () => {
    expect(countryByCode('US')).toEqual({ code: 'US', alpha3: 'USA', name: 'United States of America' });
    expect(countryByAlpha3('CAN')?.code).toBe('CA');
    expect(countryByCode('us')).toBeUndefined();
    expect(countryByCode('UK')).toBeUndefined();
    expect(countries().length).toBeGreaterThan(240);
    expect(new Set(countries().map((country) => country.code)).size).toBe(countries().length);
  });

  it('lists the subdivisions of one country, second-level ones included', () => {
    const us = subdivisionsOf('US');
    expect(us.map((s) => s.code)).toContain('US-WA');
    expect(us.every((s) => s.country === 'US' && s.code.startsWith('US-'))).toBe(true);
    expect(subdivisionByCode('US-WA')).toEqual({
      code: 'US-WA',
      name: 'Washington',
      country: 'US',
      parent: 'US',
    });
    // Ireland's counties lie in its provinces: the country is still IE.
    expect(subdivisionByCode('IE-D')).toMatchObject({ country: 'IE', parent: 'IE-L' });
    expect(subdivisionsOf('IE').map((s) => s.code)).toEqual(expect.arrayContaining(['IE-D', 'IE-L']));
    expect(subdivisionsOf('AI')).toEqual([]);
    expect(subdivisionsOf('XX')).toEqual([]);
    expect(subdivisionByCode('US-ZZ')).toBeUndefined();
  });

  it('gives every subdivision a country that is assigned', () => {
    const bad = countries().flatMap((country) =>
      subdivisionsOf(country.code).filter((s) => countryByCode(s.country) === undefined),
    );
    expect(bad).toEqual([]);
  });
});

describe('country codes', () => {
  it.each([
    ['US', null],
    ['NO', null],
    ['USA', 'USA is a three-letter code: use the two-letter ISO 3166-1 code, e.g. US'],
    ['DEU', 'DEU is a three-letter code: use the two-letter ISO 3166-1 code, e.g. DE'],
    ['usa', 'usa is a three-letter code: use the two-letter ISO 3166-1 code, e.g. US'],
    ['us', 'use the upper-case ISO 3166-1 code: US'],
    ['UK', 'UK (United Kingdom) is reserved, not an assigned ISO 3166-1 country code: use GB'],
    ['EU', 'EU (European Union) is reserved, not an assigned ISO 3166-1 country code'],
    ['RN', 'RN (Niger) is reserved, not an assigned ISO 3166-1 country code: use NE'],
    ['XX', 'XX is not an assigned ISO 3166-1 country code'],
    ['ZZ', 'ZZ is not an assigned ISO 3166-1 country code'],
    ['QQQ', 'use a two-letter ISO 3166-1 country code, e.g. US'],
    ['', 'use a two-letter ISO 3166-1 country code, e.g. US'],
    ['U1', 'use a two-letter ISO 3166-1 country code, e.g. US'],
  ])('%j → %j', (code, problem) => {
    expect(countryCodeProblem(code)).toBe(problem);
  });
});

describe('subdivision codes', () => {
  it.each([
    ['US-WA', null],
    ['NO-46', null],
    ['US-ZZ', 'US-ZZ is not a known subdivision of United States of America'],
    ['XY-12', 'XY-12 is not an ISO 3166-2 code: XY is not a country'],
    ['AI-01', 'Anguilla has no ISO 3166-2 subdivisions'],
    ['us-wa', 'use an ISO 3166-2 subdivision code, e.g. US-CA'],
    ['WA', 'use an ISO 3166-2 subdivision code, e.g. US-CA'],
  ])('%j → %j', (code, problem) => {
    expect(subdivisionCodeProblem(code)).toBe(problem);
  });
});

describe('a subdivision with its country', () => {
  it.each([
    ['US-WA', 'US', null],
    ['IE-D', 'IE', null],
    ['CA-ON', 'US', 'CA-ON is in Canada, not United States of America'],
    ['US-TX', 'CA', 'US-TX is in United States of America, not Canada'],
    ['US-ZZ', 'US', 'US-ZZ is not a known subdivision of United States of America'],
    ['CA-ZZ', 'US', 'CA-ZZ is not a known subdivision of Canada'],
    ['US-WA', 'XX', 'US-WA is in United States of America, not XX'],
  ])('%s in %s → %j', (subdivision, country, problem) => {
    expect(subdivisionProblem(subdivision, country)).toBe(problem);
  });
});
