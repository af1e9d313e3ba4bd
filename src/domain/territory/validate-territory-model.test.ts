import { describe, expect, it } from 'vitest';
import type { TerritoryModel, TerritoryRule } from './territory-model.js';
import { validateTerritoryModel } from './validate-territory-model.js';

/** A small valid model: two regions, a country set, a split state with a metro, a segment split. */
function model(): TerritoryModel {
  return {
    name: 'Test coverage',
    countrySets: [{ key: 'nordics', name: 'Nordics', countries: ['DK', 'FI', 'NO', 'SE'] }],
    regions: [
      { key: 'americas', name: 'Americas', rvp: 'rvp.one@example.com' },
      { key: 'emea', name: 'EMEA', rvp: 'rvp.two@example.com' },
    ],
    territories: [
      {
        key: 'us',
        name: 'United States',
        region: 'americas',
        ae: 'ae.one@example.com',
        rules: [{ level: 'subdivision', subdivisions: ['US-CA', 'US-WA'] }],
      },
      {
        key: 'bay_area',
        name: 'Bay Area',
        region: 'americas',
        ae: 'ae.two@example.com',
        rules: [{ level: 'metro', metro: 'Bay Area', subdivision: 'US-CA', postalPrefixes: ['940', '941'] }],
      },
      {
        key: 'nordics',
        name: 'Nordics',
        region: 'emea',
        ae: 'ae.three@example.com',
        rules: [
          { level: 'country_set', sets: ['nordics'] },
          { level: 'country', countries: ['IS'], segments: ['enterprise'] },
        ],
      },
    ],
    excluded: [{ countries: ['KP'], reason: 'export controls' }],
  };
}

type Change = (model: TerritoryModel) => void;
const rule = (m: TerritoryModel, territory: number, index: number) =>
  m.territories[territory]?.rules[index] as TerritoryRule;
const metro = (m: TerritoryModel) => rule(m, 1, 0) as TerritoryRule & { level: 'metro' };

describe('validateTerritoryModel', () => {
  it('accepts a model whose references and codes all resolve', () => {
    expect(validateTerritoryModel(model())).toEqual([]);
  });

  it.each<[string, Change, Array<string | number>, string | RegExp]>([
    [
      'a duplicate territory key',
      (m) => {
        if (m.territories[2]) m.territories[2].key = 'us';
      },
      ['territories', 2, 'key'],
      'duplicate key "us"',
    ],
    [
      'a duplicate region key',
      (m) => m.regions.push({ key: 'emea', name: 'Again', rvp: 'x@example.com' }),
      ['regions', 2, 'key'],
      'duplicate key "emea"',
    ],
    [
      'a duplicate country set key',
      (m) => m.countrySets.push({ key: 'nordics', name: 'Again', countries: ['IS'] }),
      ['countrySets', 1, 'key'],
      'duplicate key "nordics"',
    ],
    [
      'an unknown region',
      (m) => {
        if (m.territories[0]) m.territories[0].region = 'amercas';
      },
      ['territories', 0, 'region'],
      'unknown region "amercas"',
    ],
    [
      'an unknown country set',
      (m) => Object.assign(rule(m, 2, 0), { sets: ['nordic'] }),
      ['territories', 2, 'rules', 0, 'sets', 0],
      'unknown country set "nordic"',
    ],
    [
      'a reserved country code in a set',
      (m) => m.countrySets[0]?.countries.push('UK'),
      ['countrySets', 0, 'countries', 4],
      'UK (United Kingdom) is reserved, not an assigned ISO 3166-1 country code: use GB',
    ],
    [
      'a three-letter country code in a rule',
      (m) => Object.assign(rule(m, 2, 1), { countries: ['ISL'] }),
      ['territories', 2, 'rules', 1, 'countries', 0],
      'ISL is a three-letter code: use the two-letter ISO 3166-1 code, e.g. IS',
    ],
    [
      'a country listed twice in one rule',
      (m) => Object.assign(rule(m, 2, 1), { countries: ['IS', 'IS'] }),
      ['territories', 2, 'rules', 1, 'countries', 1],
      'IS is listed twice',
    ],
    [
      'an unknown subdivision',
      (m) => Object.assign(rule(m, 0, 0), { subdivisions: ['US-CA', 'US-ZZ'] }),
      ['territories', 0, 'rules', 0, 'subdivisions', 1],
      'US-ZZ is not a known subdivision of United States of America',
    ],
    [
      'a rule that names nothing',
      (m) => Object.assign(rule(m, 0, 0), { subdivisions: [] }),
      ['territories', 0, 'rules', 0, 'subdivisions'],
      'must not be empty',
    ],
    [
      "a metro's subdivision that is no subdivision",
      (m) => Object.assign(metro(m), { subdivision: 'California' }),
      ['territories', 1, 'rules', 0, 'subdivision'],
      'use an ISO 3166-2 subdivision code, e.g. US-CA',
    ],
    [
      'a metro with both postal prefixes and counties',
      (m) => Object.assign(metro(m), { counties: ['Santa Clara'] }),
      ['territories', 1, 'rules', 0],
      'a metro is defined by `postalPrefixes` or by `counties`, exactly one',
    ],
    [
      'a metro with neither',
      (m) => Object.assign(metro(m), { postalPrefixes: undefined }),
      ['territories', 1, 'rules', 0],
      'a metro is defined by `postalPrefixes` or by `counties`, exactly one',
    ],
    [
      'a metro with no counties',
      (m) => Object.assign(metro(m), { postalPrefixes: undefined, counties: [] }),
      ['territories', 1, 'rules', 0, 'counties'],
      'counties must not be empty',
    ],
    [
      'a postal prefix with punctuation',
      (m) => Object.assign(metro(m), { postalPrefixes: ['940', '94-1'] }),
      ['territories', 1, 'rules', 0, 'postalPrefixes', 1],
      /"94-1" is not a postal-code prefix/,
    ],
    [
      'a postal prefix longer than ten characters',
      (m) => Object.assign(metro(m), { postalPrefixes: ['12345678901'] }),
      ['territories', 1, 'rules', 0, 'postalPrefixes', 0],
      /1 to 10 letters or digits/,
    ],
    [
      'a territory with no rules',
      (m) => {
        if (m.territories[0]) m.territories[0].rules = [];
      },
      ['territories', 0, 'rules'],
      'a territory needs at least one rule',
    ],
    [
      'a region with no territory',
      (m) => m.regions.push({ key: 'japac', name: 'JAPAC', rvp: 'rvp.three@example.com' }),
      ['regions', 2],
      'region "japac" has no territory',
    ],
    [
      "an AE's e-mail that is not one",
      (m) => {
        if (m.territories[1]) m.territories[1].ae = 'Ethan Park';
      },
      ['territories', 1, 'ae'],
      '"Ethan Park" is not an e-mail address',
    ],
    [
      "an RVP's e-mail that is not one",
      (m) => {
        if (m.regions[0]) m.regions[0].rvp = 'rachel@';
      },
      ['regions', 0, 'rvp'],
      '"rachel@" is not an e-mail address',
    ],
    [
      'an empty segment list',
      (m) => Object.assign(rule(m, 2, 1), { segments: [] }),
      ['territories', 2, 'rules', 1, 'segments'],
      'leave `segments` out for every segment, or name one',
    ],
    [
      'an excluded country a rule names',
      (m) => m.excluded.push({ countries: ['IS'], reason: 'no reseller' }),
      ['territories', 2, 'rules', 1, 'countries', 0],
      'IS is excluded (no reseller): no rule may name it',
    ],
    [
      'an excluded country a rule names through its country set',
      (m) => m.excluded.push({ countries: ['NO'], reason: 'no reseller' }),
      ['territories', 2, 'rules', 0, 'sets', 0],
      'NO is excluded (no reseller): no rule may name it (through country set "nordics")',
    ],
    [
      'an excluded country whose subdivision a rule names',
      (m) => {
        if (m.excluded[0]) m.excluded[0].countries = ['US'];
      },
      ['territories', 0, 'rules', 0, 'subdivisions', 0],
      'US is excluded (export controls): no rule may name it',
    ],
    [
      'a country excluded twice',
      (m) => m.excluded.push({ countries: ['KP'], reason: 'again' }),
      ['excluded', 1, 'countries', 0],
      'KP is already excluded',
    ],
    [
      'an unknown excluded country',
      (m) => m.excluded.push({ countries: ['XX'], reason: 'typo' }),
      ['excluded', 1, 'countries', 0],
      'XX is not an assigned ISO 3166-1 country code',
    ],
    [
      'an exclusion without a reason',
      (m) => {
        if (m.excluded[0]) m.excluded[0].reason = ' ';
      },
      ['excluded', 0, 'reason'],
      'say why, in words',
    ],
  ])('names %s', (_name, change, path, message) => {
    const changed = model();
    change(changed);
    const issues = validateTerritoryModel(changed);
    expect(issues).toContainEqual({
      path,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    });
  });

  it('names every problem at once, not only the first', () => {
    const changed = model();
    if (changed.territories[0]) changed.territories[0].region = 'nowhere';
    changed.countrySets[0]?.countries.push('ZZ');
    expect(validateTerritoryModel(changed).map((issue) => issue.path)).toEqual([
      ['countrySets', 0, 'countries', 4],
      ['territories', 0, 'region'],
    ]);
  });
});
