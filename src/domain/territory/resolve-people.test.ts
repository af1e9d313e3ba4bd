import { describe, expect, it } from 'vitest';
import { activationRefusals } from './activation-refusals.js';
import { resolvePeople, type UserFacts } from './resolve-people.js';
import type { TerritoryModel } from './territory-model.js';

const model: TerritoryModel = {
  name: 'People',
  countrySets: [],
  regions: [
    { key: 'americas', name: 'Americas', rvp: 'rvp@example.com' },
    { key: 'emea', name: 'EMEA', rvp: 'csm@example.com' },
  ],
  territories: [
    {
      key: 'us',
      name: 'US',
      region: 'americas',
      ae: 'AE@example.com',
      rules: [{ level: 'country', countries: ['US'] }],
    },
    {
      key: 'ca',
      name: 'Canada',
      region: 'americas',
      ae: 'ae@example.com',
      rules: [{ level: 'country', countries: ['CA'] }],
    },
    {
      key: 'de',
      name: 'Germany',
      region: 'emea',
      ae: 'two@example.com',
      rules: [{ level: 'country', countries: ['DE'] }],
    },
    {
      key: 'mx',
      name: 'Mexico',
      region: 'americas',
      ae: 'two@example.com',
      rules: [{ level: 'country', countries: ['MX'] }],
    },
    {
      key: 'br',
      name: 'Brazil',
      region: 'americas',
      ae: 'gone@example.com',
      rules: [{ level: 'country', countries: ['BR'] }],
    },
  ],
  excluded: [],
};

const users: UserFacts[] = [
  { id: 'u_ae', email: 'ae@example.com', name: 'Ada', role: 'ae', active: true },
  { id: 'u_rvp', email: 'rvp@example.com', name: 'Rita', role: 'rvp', active: true },
  { id: 'u_csm', email: 'csm@example.com', name: 'Cass', role: 'csm', active: true },
  { id: 'u_two', email: 'two@example.com', name: 'Tom', role: 'ae', active: true },
  { id: 'u_gone', email: 'gone@example.com', name: 'Gus', role: 'ae', active: false },
];

describe('resolvePeople', () => {
  const people = resolvePeople(model, users);
  const of = (email: string, role: 'ae' | 'rvp') =>
    people.find((p) => p.email.toLowerCase() === email && p.role === role);

  it('resolves an AE by e-mail, whatever its case, with every territory and the region', () => {
    expect(of('ae@example.com', 'ae')).toEqual({
      email: 'AE@example.com',
      role: 'ae',
      territories: ['us', 'ca'],
      userId: 'u_ae',
      name: 'Ada',
      problem: null,
      region: 'americas',
    });
    expect(of('rvp@example.com', 'rvp')).toMatchObject({
      userId: 'u_rvp',
      problem: null,
      region: 'americas',
    });
  });

  it('names what is wrong: no active user, the wrong role, two regions', () => {
    expect(of('gone@example.com', 'ae')?.problem).toBe('no active user with this e-mail');
    expect(of('csm@example.com', 'rvp')?.problem).toBe(
      'is a Customer Success Manager, not a Regional VP Sales',
    );
    expect(of('two@example.com', 'ae')).toMatchObject({
      region: null,
      problem: expect.stringContaining('2 regions'),
    });
  });

  it('turns the problems into activation refusals, with gaps and overlaps', () => {
    const refusals = activationRefusals(
      {
        ok: false,
        leaves: 3,
        gaps: [{ geography: 'FR', name: 'France', segments: ['enterprise', 'smb'] }],
        overlaps: [
          {
            geography: 'US-TX',
            name: 'Texas',
            segments: ['smb'],
            territories: ['a', 'b'],
            level: 'subdivision',
          },
        ],
      },
      people,
    );
    expect(refusals).toEqual([
      'gap: France (FR; enterprise, smb) is in no territory',
      'overlap: Texas (US-TX; smb) is in a and b by rules of the same precedence (subdivision)',
      expect.stringMatching(/^people: two@example.com \(AE of de, mx\) owns territories in 2 regions/),
      'people: gone@example.com (AE of br) no active user with this e-mail',
      'people: csm@example.com (RVP of emea) is a Customer Success Manager, not a Regional VP Sales',
    ]);
  });
});
