import type { TerritoryModel } from '../../src/domain/territory/territory-model.js';

/**
 * A small model with every level and a segment split, for the domain's tests (test data, not a shipped model):
 * the US split by state with two metro overrides, a country set, a country split by segment, one exclusion.
 */
export function sampleTerritoryModel(): TerritoryModel {
  return {
    name: 'Sample coverage',
    countrySets: [
      { key: 'iberia', name: 'Iberia', countries: ['ES', 'PT'] },
      { key: 'north', name: 'North', countries: ['NO', 'SE', 'DK', 'FI', 'IS'] },
    ],
    regions: [
      { key: 'west', name: 'West', rvp: 'rvp.west@example.com' },
      { key: 'east', name: 'East', rvp: 'rvp.east@example.com' },
    ],
    territories: [
      {
        key: 'california',
        name: 'California',
        region: 'west',
        ae: 'ae.california@example.com',
        rules: [{ level: 'subdivision', subdivisions: ['US-CA', 'US-OR', 'US-WA'] }],
      },
      {
        key: 'bay_area',
        name: 'Bay Area',
        region: 'west',
        ae: 'ae.bay@example.com',
        rules: [
          {
            level: 'metro',
            metro: 'Bay Area',
            subdivision: 'US-CA',
            postalPrefixes: ['940', '941', '943', '944', '945', '946', '947', '948', '949', '950', '951'],
          },
        ],
      },
      {
        key: 'texas',
        name: 'Texas',
        region: 'west',
        ae: 'ae.texas@example.com',
        rules: [{ level: 'subdivision', subdivisions: ['US-TX'] }],
      },
      {
        key: 'texas_metros',
        name: 'Texas metros',
        region: 'west',
        ae: 'ae.metros@example.com',
        rules: [
          {
            level: 'metro',
            metro: 'Texas metros',
            subdivision: 'US-TX',
            postalPrefixes: [
              '750',
              '751',
              '752',
              '753',
              '770',
              '771',
              '772',
              '773',
              '774',
              '775',
              '780',
              '781',
              '782',
              '786',
              '787',
            ],
          },
        ],
      },
      {
        key: 'us_rest',
        name: 'US rest',
        region: 'east',
        ae: 'ae.us@example.com',
        rules: [{ level: 'country', countries: ['US'] }],
      },
      {
        key: 'india_enterprise',
        name: 'India Enterprise',
        region: 'east',
        ae: 'ae.india.ent@example.com',
        rules: [{ level: 'country', countries: ['IN'], segments: ['enterprise'] }],
      },
      {
        key: 'india_mid_market',
        name: 'India Mid-Market',
        region: 'east',
        ae: 'ae.india.mm@example.com',
        rules: [{ level: 'country', countries: ['IN'], segments: ['mid_market', 'smb'] }],
      },
      {
        key: 'europe',
        name: 'Europe',
        region: 'east',
        ae: 'ae.europe@example.com',
        rules: [
          { level: 'country_set', sets: ['iberia', 'north'] },
          { level: 'country', countries: ['FR', 'DE'] },
        ],
      },
    ],
    excluded: [{ countries: ['KP'], reason: 'export controls' }],
  };
}
