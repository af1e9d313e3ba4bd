import type { ComboboxParsedItem } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { loadGeography, placeOf } from './geography';

const geography = await loadGeography();
const search = (options: ComboboxParsedItem[], text: string) =>
  geography
    .filter({ options, search: text, limit: 5 })
    .map((option) => ('value' in option ? option.value : ''));

describe('the geography the account screens use', () => {
  it('lists countries by name and a country’s subdivisions', () => {
    expect(geography.countries.find((c) => c.value === 'US')?.label).toBe('United States of America');
    expect(geography.countries[0]?.label.localeCompare(geography.countries[1]?.label ?? '')).toBeLessThan(0);
    expect(geography.subdivisionsOf('US').find((s) => s.value === 'US-WA')?.label).toBe('Washington');
    expect(geography.subdivisionsOf('IE').find((s) => s.value === 'IE-D')?.label).toBe('Dublin (Leinster)');
    expect(geography.subdivisionsOf('AI')).toEqual([]);
  });

  it('finds a country by its code, the start of its name, or a word in it', () => {
    const countries = geography.countries;
    expect(search(countries, 'united states')).toEqual(['UM', 'US']);
    expect(search(countries, 'USA')[0]).toBe('US');
    expect(search(countries, 'us')[0]).toBe('US');
    expect(search(countries, 'korea')).toEqual(expect.arrayContaining(['KR', 'KP']));
    expect(search(countries, 'cote')).toEqual(['CI']);
    expect(search(geography.subdivisionsOf('US'), 'wa')[0]).toBe('US-WA');
    expect(search(geography.subdivisionsOf('IN'), 'telangana')).toEqual(['IN-TS']);
    expect(search(countries, '')).toHaveLength(5);
  });

  it('names a place, with the codes until the data is in', () => {
    const seattle = { city: 'Seattle', subdivision: 'US-WA', country: 'US' };
    expect(placeOf(geography, seattle)).toBe('Seattle, Washington, United States of America');
    expect(placeOf(undefined, seattle)).toBe('Seattle, US-WA, US');
    expect(placeOf(geography, { city: null, subdivision: null, country: 'NO' })).toBe('Norway');
  });
});
