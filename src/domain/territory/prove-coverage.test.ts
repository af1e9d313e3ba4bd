import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedModel, segmentOf } from '../../../test/support/territory-arbitraries.js';
import { sampleTerritoryModel } from '../../../test/support/territory-models.js';
import { SEGMENTS } from '../account/account.js';
import { compileTerritories } from './compile-territories.js';
import { listLeafGeographies, routeLeaf } from './coverage-leaves.js';
import { proveCoverage } from './prove-coverage.js';
import type { TerritoryModel } from './territory-model.js';

const RUNS = Number(process.env.TERRITORY_RUNS ?? 60);

function routedLeaves(model: TerritoryModel) {
  const compiled = compileTerritories(model);
  return listLeafGeographies(compiled).flatMap((leaf) =>
    SEGMENTS.map((segment) => ({
      key: `${leaf.geography}|${segment}`,
      routing: routeLeaf(compiled, leaf, segment),
    })),
  );
}

describe('the coverage proof', () => {
  it('random valid models: routing is total and unique on every leaf, and the one the model says', () => {
    fc.assert(
      fc.property(generatedModel, ({ model, expected }) => {
        const report = proveCoverage(compileTerritories(model));
        expect(report.gaps).toEqual([]);
        expect(report.overlaps).toEqual([]);
        expect(report.ok).toBe(true);
        const leaves = routedLeaves(model);
        expect(report.leaves).toBe(leaves.length);
        for (const { key, routing } of leaves) {
          expect(routing.ok ? routing.territory : `${routing.reason}: ${routing.because}`).toBe(
            expected.get(key),
          );
        }
        expect(new Set(leaves.map((leaf) => leaf.key))).toEqual(new Set(expected.keys()));
      }),
      { numRuns: RUNS },
    );
  });

  it('an injected overlap (a second territory claims a leaf at the same precedence) is refused and named', () => {
    fc.assert(
      fc.property(generatedModel, fc.nat(), ({ model, expected }, pick) => {
        const keys = [...expected.keys()].filter((key) => !key.includes('/metro:'));
        const key = keys[pick % keys.length] as string;
        const geography = key.slice(0, key.indexOf('|'));
        const owner = expected.get(key) as string;
        const other = model.territories.find((territory) => territory.key !== owner);
        if (!other) return;
        const levelRule = claimOf(model, geography, owner, segmentOf(key));
        other.rules.push(levelRule);
        const report = proveCoverage(compileTerritories(model));
        expect(report.ok).toBe(false);
        const overlap = report.overlaps.find((found) => found.geography === geography);
        expect(overlap?.territories.sort()).toEqual([owner, other.key].sort());
        expect(overlap?.segments).toContain(segmentOf(key));
      }),
      { numRuns: RUNS },
    );
  });

  it('an injected gap (a country taken out of every rule) is refused and named', () => {
    fc.assert(
      fc.property(generatedModel, fc.nat(), ({ model, expected }, pick) => {
        const countryKeys = [...expected.keys()].filter((key) => /^[A-Z]{2}\|/.test(key));
        const country = (countryKeys[pick % countryKeys.length] as string).slice(0, 2);
        for (const territory of model.territories) {
          territory.rules = territory.rules.map((rule) =>
            rule.level === 'country'
              ? { ...rule, countries: rule.countries.filter((code) => code !== country) }
              : rule,
          );
        }
        for (const set of model.countrySets) set.countries = set.countries.filter((code) => code !== country);
        const report = proveCoverage(compileTerritories(model));
        expect(report.ok).toBe(false);
        expect(report.gaps.find((gap) => gap.geography === country)?.segments).toEqual([...SEGMENTS]);
      }),
      { numRuns: RUNS },
    );
  });

  it('names the gaps of a model that leaves most of the world out, with every segment', () => {
    const report = proveCoverage(compileTerritories(sampleTerritoryModel()));
    expect(report.ok).toBe(false);
    expect(report.gaps).toContainEqual({
      geography: 'JP',
      name: 'Japan',
      segments: ['enterprise', 'mid_market', 'smb'],
    });
    expect(report.gaps.find((gap) => gap.geography === 'KP')).toBeUndefined();
    expect(report.gaps.find((gap) => gap.geography.startsWith('US'))).toBeUndefined();
    expect(report.overlaps).toEqual([]);
  });

  it('two metros whose prefixes nest overlap on the longer prefix', () => {
    const model = sampleTerritoryModel();
    model.territories.push({
      key: 'dallas',
      name: 'Dallas',
      region: 'west',
      ae: 'ae.dallas@example.com',
      rules: [{ level: 'metro', metro: 'Dallas', subdivision: 'US-TX', postalPrefixes: ['7520'] }],
    });
    const report = proveCoverage(compileTerritories(model));
    expect(report.overlaps).toContainEqual({
      geography: 'US-TX/metro:Dallas',
      name: 'Dallas (Texas, United States of America)',
      segments: ['enterprise', 'mid_market', 'smb'],
      territories: ['dallas', 'texas_metros'],
      level: 'metro',
    });
  });
});

/** A rule, in another territory, at the precedence that decides this leaf for the owner. */
function claimOf(
  model: TerritoryModel,
  geography: string,
  owner: string,
  segment: (typeof SEGMENTS)[number],
) {
  const rules = model.territories.find((territory) => territory.key === owner)?.rules ?? [];
  const isSubdivision = geography.includes('-');
  const segmented = rules.some(
    (rule) =>
      rule.level === 'country' && rule.countries.includes(geography) && rule.segments?.includes(segment),
  );
  if (isSubdivision) {
    const claimed = rules.some(
      (rule) => rule.level === 'subdivision' && rule.subdivisions.includes(geography),
    );
    return claimed
      ? { level: 'subdivision' as const, subdivisions: [geography] }
      : { level: 'country' as const, countries: [geography.slice(0, 2)] };
  }
  const byCountry = rules.some((rule) => rule.level === 'country' && rule.countries.includes(geography));
  if (segmented) return { level: 'country' as const, countries: [geography], segments: [segment] };
  return byCountry
    ? { level: 'country' as const, countries: [geography] }
    : { level: 'country_set' as const, sets: [`set_${owner}`] };
}
