import type { Kysely } from 'kysely';
import type { User } from '../../src/db/repositories/users-repo.js';
import type { Database } from '../../src/db/schema.js';
import { countries, subdivisionsOf } from '../../src/domain/geography/iso-3166.js';
import type { TerritoryModel } from '../../src/domain/territory/territory-model.js';
import { buildUser } from './factories.js';

/**
 * A small territory model for API tests (test data, not a shipped model) that proves full coverage: Texas with
 * a Houston and Dallas metro override, the rest of the US by state, Canada, and the rest of the world as one
 * country set; North Korea excluded.
 */
export const TERRITORY_PEOPLE = {
  rvpAmericas: 'rvp.americas@example.com',
  rvpEmea: 'rvp.emea@example.com',
  texas: 'ae.texas@example.com',
  metros: 'ae.metros@example.com',
  us: 'ae.us@example.com',
  canada: 'ae.canada@example.com',
  world: 'ae.world@example.com',
} as const;

const EXCLUDED = ['KP'];

export function coveredTerritoryModel(): TerritoryModel {
  const usStates = subdivisionsOf('US')
    .filter((subdivision) => subdivision.parent === 'US' && subdivision.code !== 'US-TX')
    .map((subdivision) => subdivision.code);
  return {
    name: 'Test coverage',
    countrySets: [
      {
        key: 'world',
        name: 'World',
        countries: countries()
          .map((country) => country.code)
          .filter((code) => !EXCLUDED.includes(code)),
      },
    ],
    regions: [
      { key: 'americas', name: 'Americas', rvp: TERRITORY_PEOPLE.rvpAmericas },
      { key: 'emea', name: 'EMEA', rvp: TERRITORY_PEOPLE.rvpEmea },
    ],
    territories: [
      {
        key: 'texas',
        name: 'Texas',
        region: 'americas',
        ae: TERRITORY_PEOPLE.texas,
        rules: [{ level: 'subdivision', subdivisions: ['US-TX'] }],
      },
      {
        key: 'texas_metros',
        name: 'Texas metros',
        region: 'americas',
        ae: TERRITORY_PEOPLE.metros,
        rules: [
          { level: 'metro', metro: 'Houston', subdivision: 'US-TX', postalPrefixes: ['770', '772'] },
          { level: 'metro', metro: 'Dallas', subdivision: 'US-TX', postalPrefixes: ['752'] },
        ],
      },
      {
        key: 'us_rest',
        name: 'US rest',
        region: 'americas',
        ae: TERRITORY_PEOPLE.us,
        rules: [{ level: 'subdivision', subdivisions: usStates }],
      },
      {
        key: 'canada',
        name: 'Canada',
        region: 'americas',
        ae: TERRITORY_PEOPLE.canada,
        rules: [{ level: 'country', countries: ['CA'] }],
      },
      {
        key: 'world',
        name: 'Rest of world',
        region: 'emea',
        ae: TERRITORY_PEOPLE.world,
        rules: [{ level: 'country_set', sets: ['world'] }],
      },
    ],
    excluded: [{ countries: EXCLUDED, reason: 'export controls' }],
  };
}

/** The same model with Texas also in "US rest": an overlap on US-TX at the subdivision level. */
export function overlappingTerritoryModel(): TerritoryModel {
  const model = coveredTerritoryModel();
  const usRest = model.territories.find((territory) => territory.key === 'us_rest');
  const rule = usRest?.rules[0];
  if (rule?.level === 'subdivision') rule.subdivisions.push('US-TX');
  return model;
}

/** The users the model names (AEs and RVPs, regions deliberately stale), by the fixture's keys. */
export async function buildTerritoryPeople(
  db: Kysely<Database>,
): Promise<Record<keyof typeof TERRITORY_PEOPLE, User>> {
  const entries = await Promise.all(
    Object.entries(TERRITORY_PEOPLE).map(async ([key, email]) => {
      const role = key.startsWith('rvp') ? 'rvp' : 'ae';
      const user = await buildUser(db, { email, name: `${key} person`, role, region: 'stale' });
      return [key, user] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof TERRITORY_PEOPLE, User>;
}
