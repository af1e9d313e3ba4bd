import fc from 'fast-check';
import { SEGMENTS, type Segment } from '../../src/domain/account/account.js';
import { countries, subdivisionsOf } from '../../src/domain/geography/iso-3166.js';
import type { Territory, TerritoryModel, TerritoryRule } from '../../src/domain/territory/territory-model.js';

/**
 * Random valid territory models over the whole ISO 3166 world, each with its oracle: the territory every leaf
 * geography × segment must route to. Countries are covered by country rules or country sets (some also sit,
 * shadowed, in another territory's set), a few countries are split by subdivision (some subdivisions fall back
 * to the country's rule), a few by segment, and a few subdivisions carry a metro of distinct postal prefixes.
 */
export interface GeneratedModel {
  model: TerritoryModel;
  /** `${geography}|${segment}` → territory key (geography as in the coverage leaves). */
  expected: Map<string, string>;
}

const COUNTRY_CODES = countries().map((country) => country.code);
const SPLITTABLE = COUNTRY_CODES.filter(
  (code) => subdivisionsOf(code).filter((subdivision) => subdivision.parent === code).length >= 2,
);

const shape = fc.record({
  territories: fc.integer({ min: 2, max: 6 }),
  owners: fc.array(fc.nat(), { minLength: COUNTRY_CODES.length, maxLength: COUNTRY_CODES.length }),
  viaSet: fc.array(fc.boolean(), { minLength: COUNTRY_CODES.length, maxLength: COUNTRY_CODES.length }),
  shadowed: fc.uniqueArray(fc.nat(COUNTRY_CODES.length - 1), { maxLength: 10 }),
  excluded: fc.uniqueArray(fc.nat(COUNTRY_CODES.length - 1), { maxLength: 3 }),
  split: fc.uniqueArray(fc.nat(SPLITTABLE.length - 1), { maxLength: 2 }),
  subdivisionOwners: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: 120, maxLength: 120 }),
  segmentSplits: fc.array(
    fc.record({ country: fc.nat(COUNTRY_CODES.length - 1), owners: fc.tuple(fc.nat(), fc.nat(), fc.nat()) }),
    { maxLength: 2 },
  ),
  metros: fc.array(
    fc.record({
      subdivision: fc.nat(119),
      owner: fc.nat(),
      prefixes: fc.uniqueArray(fc.integer({ min: 100, max: 999 }), { minLength: 1, maxLength: 4 }),
    }),
    {
      maxLength: 2,
    },
  ),
});

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

export const generatedModel: fc.Arbitrary<GeneratedModel> = shape.map(build);

function build(input: Shape): GeneratedModel {
  const k = input.territories;
  const keys = Array.from({ length: k }, (_, index) => `t${index}`);
  const rules: TerritoryRule[][] = keys.map(() => []);
  const setMembers: string[][] = keys.map(() => []);
  const countryRules: string[][] = keys.map(() => []);
  const expected = new Map<string, string>();
  const excluded = new Set(input.excluded.map((index) => COUNTRY_CODES[index] as string));
  const split = new Set(input.split.map((index) => SPLITTABLE[index] as string));
  const segmentSplit = new Map<string, readonly [number, number, number]>();
  for (const entry of input.segmentSplits) {
    const country = COUNTRY_CODES[entry.country] as string;
    if (!split.has(country) && !excluded.has(country))
      segmentSplit.set(country, entry.owners.map((o) => o % k) as [number, number, number]);
  }
  COUNTRY_CODES.forEach((country, index) => {
    if (excluded.has(country)) return;
    const owner = (input.owners[index] ?? 0) % k;
    const segments = segmentSplit.get(country);
    if (segments) {
      SEGMENTS.forEach((segment, s) => {
        const segmentOwner = segments[s] as number;
        rules[segmentOwner]?.push({ level: 'country', countries: [country], segments: [segment] });
        expected.set(`${country}|${segment}`, keys[segmentOwner] as string);
      });
      return;
    }
    if (input.viaSet[index] && !split.has(country)) setMembers[owner]?.push(country);
    else countryRules[owner]?.push(country);
    if (!split.has(country))
      for (const segment of SEGMENTS) expected.set(`${country}|${segment}`, keys[owner] as string);
  });
  for (const index of input.shadowed) {
    const country = COUNTRY_CODES[index] as string;
    const owner = countryRules.findIndex((list) => list.includes(country));
    if (owner >= 0 && !excluded.has(country)) setMembers[(owner + 1) % k]?.push(country);
  }
  const subdivisionsInPlay = [...split].flatMap((country) =>
    subdivisionsOf(country).filter((subdivision) => subdivision.parent === country),
  );
  subdivisionsInPlay.forEach((subdivision, index) => {
    const countryOwner = countryRules.findIndex((list) => list.includes(subdivision.country));
    const chosen = input.subdivisionOwners[index % 120];
    const owner = chosen === undefined ? countryOwner : chosen % k;
    if (chosen !== undefined) rules[owner]?.push({ level: 'subdivision', subdivisions: [subdivision.code] });
    for (const segment of SEGMENTS) expected.set(`${subdivision.code}|${segment}`, keys[owner] as string);
  });
  const metroPlaces = new Set<string>();
  for (const metro of input.metros) {
    const subdivision = subdivisionsInPlay[metro.subdivision % Math.max(1, subdivisionsInPlay.length)];
    if (!subdivision || metroPlaces.has(subdivision.code)) continue;
    metroPlaces.add(subdivision.code);
    const owner = metro.owner % k;
    const name = `Metro ${subdivision.code}`;
    rules[owner]?.push({
      level: 'metro',
      metro: name,
      subdivision: subdivision.code,
      postalPrefixes: metro.prefixes.map(String),
    });
    for (const segment of SEGMENTS)
      expected.set(`${subdivision.code}/metro:${name}|${segment}`, keys[owner] as string);
  }
  const territories: Territory[] = keys.map((key, index) => ({
    key,
    name: `Territory ${index}`,
    region: index % 2 === 0 ? 'even' : 'odd',
    ae: `ae${index}@example.com`,
    rules: [
      ...(countryRules[index]?.length
        ? [{ level: 'country' as const, countries: countryRules[index] as string[] }]
        : []),
      ...(setMembers[index]?.length ? [{ level: 'country_set' as const, sets: [`set_${key}`] }] : []),
      ...(rules[index] ?? []),
    ],
  }));
  return {
    model: {
      name: 'Generated',
      countrySets: keys.map((key, index) => ({
        key: `set_${key}`,
        name: `Set ${key}`,
        countries: setMembers[index] ?? [],
      })),
      regions: [
        { key: 'even', name: 'Even', rvp: 'rvp.even@example.com' },
        { key: 'odd', name: 'Odd', rvp: 'rvp.odd@example.com' },
      ],
      territories,
      excluded: excluded.size > 0 ? [{ countries: [...excluded], reason: 'generated exclusion' }] : [],
    },
    expected,
  };
}

export const segmentOf = (key: string): Segment => key.slice(key.lastIndexOf('|') + 1) as Segment;
