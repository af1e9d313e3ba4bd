import { describe, expect, it } from 'vitest';
import type { TerritoryModel } from '../../api';
import { holdersOf, moveCountry, problemPath, setAe, setRuleCodes } from './model-edits';

const model: TerritoryModel = {
  name: 'Test',
  countrySets: [],
  regions: [{ key: 'emea', name: 'EMEA', rvp: 'rvp@example.com' }],
  territories: [
    {
      key: 'uki',
      name: 'UK & Ireland',
      region: 'emea',
      ae: 'a@example.com',
      rules: [{ level: 'country', countries: ['GB', 'IE'] }],
    },
    {
      key: 'dach',
      name: 'DACH',
      region: 'emea',
      ae: 'b@example.com',
      rules: [{ level: 'country', countries: ['DE'] }],
    },
    {
      key: 'benelux',
      name: 'Benelux',
      region: 'emea',
      ae: 'c@example.com',
      rules: [{ level: 'country', countries: ['NL'], segments: ['enterprise'] }],
    },
  ],
  excluded: [],
};

describe('editing a draft', () => {
  it('changes an AE and the codes of a rule (upper case, each once)', () => {
    expect(setAe(model, 'dach', 'z@example.com').territories[1]?.ae).toBe('z@example.com');
    const edited = setRuleCodes(model, 'dach', 0, ['DE', ' at ', 'de', 'CH']);
    expect(edited.territories[1]?.rules[0]).toEqual({ level: 'country', countries: ['DE', 'AT', 'CH'] });
    expect(model.territories[1]?.rules[0]).toEqual({ level: 'country', countries: ['DE'] });
  });

  it('moves a country: out of every rule that names it, into the target (a rule left empty goes)', () => {
    const moved = moveCountry(model, 'de', 'uki');
    expect(holdersOf(moved, 'DE')).toEqual(['uki']);
    expect(moved.territories[0]?.rules).toEqual([{ level: 'country', countries: ['GB', 'IE', 'DE'] }]);
    expect(moved.territories[1]?.rules).toEqual([]);
    // The target's only country rule is for one segment: the country gets a rule of its own for every segment.
    const toBenelux = moveCountry(model, 'IE', 'benelux');
    expect(toBenelux.territories[2]?.rules[1]).toEqual({ level: 'country', countries: ['IE'] });
  });

  it('reads a problem path in either notation', () => {
    expect(problemPath('body.model.territories[2].rules[0].countries[1]')).toBe(
      'territories.2.rules.0.countries.1',
    );
    expect(problemPath('territories.1.ae')).toBe('territories.1.ae');
    expect(problemPath('/territories/1/ae')).toBe('territories.1.ae');
  });
});
