import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_TERRITORIES, demoUsers } from '../demo/demo-people.js';
import {
  describeTerritoryProblems,
  parseTerritoryModel,
  readTerritoryModel,
} from './parse-territory-model.js';

const FIREBOLT = path.resolve(import.meta.dirname, '../../../territories/firebolt.yaml');
const FILE = 'territories/test.yaml';

/** A small valid file; each test breaks one line of it. */
const GOOD = `name: Test coverage
countrySets:
  - key: nordics
    name: Nordics
    countries: [DK, FI, "NO", SE]
regions:
  - key: americas
    name: Americas
    rvp: rvp.one@example.com
  - key: emea
    name: EMEA
    rvp: rvp.two@example.com
territories:
  - key: us
    name: United States
    region: americas
    ae: ae.one@example.com
    rules:
      - level: subdivision
        subdivisions: [US-CA, US-WA]
  - key: bay_area
    name: Bay Area
    region: americas
    ae: ae.two@example.com
    rules:
      - level: metro
        metro: Bay Area
        subdivision: US-CA
        postalPrefixes: ["940", "941"]
  - key: nordics
    name: Nordics
    region: emea
    ae: ae.three@example.com
    rules:
      - level: country_set
        sets: [nordics]
`;

const broken = (from: string, to: string) => {
  if (!GOOD.includes(from)) throw new Error(`the fixture has no "${from}"`);
  return parseTerritoryModel(GOOD.replace(from, to), FILE);
};

describe('parseTerritoryModel', () => {
  it('reads a good file into the domain model, `excluded` defaulting to none', () => {
    const result = parseTerritoryModel(GOOD, FILE);
    expect(result.ok && result.value.excluded).toEqual([]);
    expect(result.ok && result.value.territories[1]?.rules[0]).toEqual({
      level: 'metro',
      metro: 'Bay Area',
      subdivision: 'US-CA',
      postalPrefixes: ['940', '941'],
    });
  });

  it('reads JSON as well, with lines', () => {
    const good = parseTerritoryModel(GOOD, FILE);
    if (!good.ok) throw new Error('the fixture is valid');
    const json = JSON.stringify(good.value, null, 2);
    expect(parseTerritoryModel(json, 'test.json')).toEqual(good);
    const result = parseTerritoryModel(json.replace('"region": "emea"', '"region": "europe"'), 'test.json');
    expect(!result.ok && result.error).toContainEqual({
      file: 'test.json',
      path: 'territories[2].region',
      message: 'unknown region "europe"',
      line: json.split('\n').findIndex((line) => line.includes('"region": "emea"')) + 1,
    });
  });

  it.each([
    [
      'a misspelt key',
      '    region: emea\n',
      '    reigon: emea\n',
      'territories[2].reigon',
      'unknown key "reigon"',
      32,
    ],
    [
      'an unknown country',
      '[DK, FI, "NO", SE]',
      '[DK, FI, "NO", SW]',
      'countrySets[0].countries[3]',
      'SW is not an assigned ISO 3166-1 country code',
      5,
    ],
    [
      'an unknown region',
      '    region: emea\n',
      '    region: europe\n',
      'territories[2].region',
      'unknown region "europe"',
      32,
    ],
    [
      'an unknown subdivision of a metro',
      'subdivision: US-CA',
      'subdivision: US-XX',
      'territories[1].rules[0].subdivision',
      'US-XX is not a known subdivision of United States of America',
      28,
    ],
    [
      'a postal prefix written as a number',
      '["940", "941"]',
      '[940, "941"]',
      'territories[1].rules[0].postalPrefixes[0]',
      'a postal-code prefix in quotes, e.g. "940"',
      29,
    ],
    ['a missing AE', '    ae: ae.three@example.com\n', '', 'territories[2].ae', 'missing', 30],
  ])('names %s: file, path, reason and line', (_name, from, to, at, message, line) => {
    const result = broken(from, to);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContainEqual({ file: FILE, path: at, message, line });
  });

  it('names a YAML syntax error with its line', () => {
    const result = broken('    name: Nordics\n    region', '    name: [Nordics\n    region');
    expect(result.ok).toBe(false);
    const [problem] = result.ok ? [] : result.error;
    expect(problem).toMatchObject({
      file: FILE,
      path: '',
      message: expect.stringMatching(/^not valid YAML\/JSON/),
    });
    expect(problem?.line).toBeGreaterThanOrEqual(32);
    expect(describeTerritoryProblems(result.ok ? [] : result.error)).toMatch(
      /^territories\/test\.yaml:\d+: \(file\): /,
    );
  });

  it('prints each problem as file:line: path: reason', () => {
    const result = broken('    region: emea\n', '    region: europe\n');
    expect(describeTerritoryProblems(result.ok ? [] : result.error).split('\n')).toEqual([
      'territories/test.yaml:10: regions[1]: region "emea" has no territory',
      'territories/test.yaml:32: territories[2].region: unknown region "europe"',
    ]);
  });

  it('names a file that cannot be read', async () => {
    const result = await readTerritoryModel('territories/nowhere.yaml');
    expect(!result.ok && result.error[0]).toMatchObject({
      file: 'territories/nowhere.yaml',
      message: expect.stringMatching(/^cannot read: /),
    });
  });
});

describe("Firebolt's territories file", () => {
  it('parses and validates', async () => {
    const result = await readTerritoryModel(FIREBOLT);
    expect(result.ok ? [] : result.error).toEqual([]);
  });

  it("names the demo organisation's AEs and RVPs, territory by territory", async () => {
    const result = await readTerritoryModel(FIREBOLT);
    if (!result.ok) throw new Error(describeTerritoryProblems(result.error));
    const users = new Map(demoUsers(new Date(0)).map((user) => [user.name, user]));
    expect(result.value.territories.map(({ key, region, ae }) => ({ key, region, ae }))).toEqual(
      expect.arrayContaining(
        DEMO_TERRITORIES.map(({ key, region, ae }) => ({ key, region, ae: users.get(ae)?.email })),
      ),
    );
    expect(result.value.territories).toHaveLength(DEMO_TERRITORIES.length);
    const rvps = demoUsers(new Date(0)).filter((user) => user.role === 'rvp');
    expect(result.value.regions.map(({ key, rvp }) => ({ key, rvp }))).toEqual(
      rvps.map((user) => ({ key: user.region, rvp: user.email })),
    );
  });
});
