import { describe, expect, it } from 'vitest';
import type { TerritoryModel } from '../../api';
import { precedenceInWords, ruleInWords, segmentsInWords } from './rule-words';

const model: TerritoryModel = {
  name: 'Test',
  countrySets: [{ key: 'nordics', name: 'Nordics', countries: ['SE', 'NO', 'DK', 'FI', 'IS'] }],
  regions: [],
  territories: [],
  excluded: [],
};
const names = {
  countryName: (code: string) => ({ DE: 'Germany', AT: 'Austria' })[code],
  subdivisionName: (code: string) => ({ 'US-CA': 'California' })[code],
};

describe('a rule in words', () => {
  it('names countries, subdivisions and sets, and the codes it cannot name', () => {
    expect(ruleInWords({ level: 'country', countries: ['DE', 'AT', 'ZZ'] }, model, names)).toBe(
      'Germany, Austria, ZZ',
    );
    expect(ruleInWords({ level: 'country_set', sets: ['nordics'] }, model, names)).toBe(
      'Nordics (5 countries)',
    );
    expect(ruleInWords({ level: 'subdivision', subdivisions: ['US-CA'] }, model, undefined)).toBe('US-CA');
  });

  it('says how a metro is matched, and ranks it above its state, a segment rule above its level', () => {
    const metro = {
      level: 'metro' as const,
      metro: 'Bay Area',
      subdivision: 'US-CA',
      postalPrefixes: ['940', '951'],
      counties: ['Santa Clara'],
    };
    expect(ruleInWords(metro, model, names)).toBe(
      'Bay Area (California): postal codes 940…, 951…; counties Santa Clara',
    );
    expect(precedenceInWords(metro)).toBe('4 of 4 (metro)');
    const india = { level: 'country' as const, countries: ['IN'], segments: ['enterprise' as const] };
    expect(precedenceInWords(india)).toBe('2 of 4 (country) + segment');
    expect(segmentsInWords(india)).toBe('Enterprise');
    expect(segmentsInWords(metro)).toBe('All');
  });
});
