import { describe, expect, it } from 'vitest';
import type { ForecastCategory } from '../playbook/playbook.js';
import type { OwnerFacts, Principal } from './principal.js';
import { relationTo } from './principal.js';
import { accountAccess, mayRecordContracts, opportunityAccess, visibilityFor } from './record-access.js';
import { type Relation, ROLES, type Role } from './roles.js';

const RVP_EMEA = 'user_rvp_emea';
const principalAs = (role: Role): Principal => ({ id: 'user_me', role, region: 'emea', managerId: RVP_EMEA });

/** A record for each relation to `user_me` (an EMEA member reporting to the EMEA RVP). */
const RECORDS: Record<Relation, OwnerFacts> = {
  own: { ownerId: 'user_me', ownerRegion: 'emea', ownerManagerId: RVP_EMEA },
  team: { ownerId: 'user_peer', ownerRegion: 'emea', ownerManagerId: RVP_EMEA },
  region: { ownerId: 'user_emea_other', ownerRegion: 'emea', ownerManagerId: 'user_rvp_emea_2' },
  other: { ownerId: 'user_us', ownerRegion: 'americas', ownerManagerId: 'user_rvp_us' },
};

type Expected = Record<Relation, string>;
/** r = read, e = edit/move, q = qualify, a = reassign; '-' = not even visible (404). */
const OPPORTUNITY_MATRIX: Record<Role, Expected> = {
  ae: { own: 'req', team: 'r', region: '-', other: '-' },
  sdr: { own: 'req', team: 'r', region: 'r', other: '-' },
  se: { own: 'rq', team: 'rq', region: 'rq', other: '-' },
  csm: { own: 'req', team: 'r', region: 'r', other: '-' },
  rvp: { own: 'reqa', team: 'reqa', region: 'reqa', other: '-' },
  vp_finance: { own: '-', team: '-', region: '-', other: '-' },
  revops_admin: { own: 'reqa', team: 'reqa', region: 'reqa', other: 'reqa' },
  viewer: { own: 'r', team: 'r', region: 'r', other: 'r' },
};

function letters(access: { read: boolean; edit: boolean; qualify: boolean; reassign: boolean }) {
  if (!access.read) return '-';
  return ['r', access.edit ? 'e' : '', access.qualify ? 'q' : '', access.reassign ? 'a' : ''].join('');
}

describe('relations', () => {
  it.each(Object.entries(RECORDS))('classifies a %s record', (relation, record) => {
    expect(relationTo(principalAs('ae'), record)).toBe(relation);
  });

  it('counts a deal the principal created (an SDR for an AE) as their own', () => {
    expect(relationTo(principalAs('sdr'), { ...RECORDS.other, createdBy: 'user_me' })).toBe('own');
  });

  it('counts a direct report’s records as team for their manager', () => {
    const rvp: Principal = { id: RVP_EMEA, role: 'rvp', region: 'emea', managerId: null };
    expect(relationTo(rvp, RECORDS.team)).toBe('team');
  });
});

describe('opportunity access by role and relation', () => {
  const cases = ROLES.flatMap((role) =>
    (Object.keys(RECORDS) as Relation[]).map((relation) => ({
      role,
      relation,
      expected: OPPORTUNITY_MATRIX[role][relation],
    })),
  );
  it.each(cases)('$role on a $relation deal: $expected', ({ role, relation, expected }) => {
    const access = opportunityAccess(principalAs(role), {
      ...RECORDS[relation],
      forecastCategory: 'pipeline',
    });
    expect(letters(access)).toBe(expected);
  });

  it.each<[ForecastCategory, boolean]>([
    ['pipeline', false],
    ['best_case', true],
    ['commit', true],
    ['closed', true],
    ['omitted', false],
  ])('lets Finance read any %s deal: %s', (forecastCategory, readable) => {
    const access = opportunityAccess(principalAs('vp_finance'), { ...RECORDS.other, forecastCategory });
    expect(access).toEqual({ read: readable, edit: false, qualify: false, reassign: false });
  });
});

describe('account access', () => {
  it('lets Finance and viewers read every account, AEs only their team’s', () => {
    expect(accountAccess(principalAs('vp_finance'), RECORDS.other).read).toBe(true);
    expect(accountAccess(principalAs('viewer'), RECORDS.other).read).toBe(true);
    expect(accountAccess(principalAs('ae'), RECORDS.team)).toMatchObject({
      read: true,
      edit: false,
      qualify: true,
    });
    expect(accountAccess(principalAs('ae'), RECORDS.region).read).toBe(false);
    expect(accountAccess(principalAs('se'), RECORDS.region)).toMatchObject({ read: true, qualify: false });
  });
});

describe('recording contracts', () => {
  it.each(ROLES)('%s', (role) => {
    const allowed = (Object.keys(RECORDS) as Relation[]).filter((relation) =>
      mayRecordContracts(principalAs(role), RECORDS[relation]),
    );
    expect(allowed).toEqual(role === 'vp_finance' || role === 'revops_admin' ? Object.keys(RECORDS) : []);
  });
});

describe('visibility filters', () => {
  it('match the per-record rules', () => {
    expect(visibilityFor(principalAs('revops_admin'), 'opportunity')).toEqual({ all: true });
    expect(visibilityFor(principalAs('viewer'), 'account')).toEqual({ all: true });
    expect(visibilityFor(principalAs('vp_finance'), 'account')).toEqual({ all: true });
    expect(visibilityFor(principalAs('ae'), 'opportunity')).toEqual({
      all: false,
      ownerOrCreator: 'user_me',
      ownerManagers: ['user_me', RVP_EMEA],
      ownerRegion: null,
      forecastCategories: [],
    });
    expect(visibilityFor(principalAs('vp_finance'), 'opportunity')).toEqual({
      all: false,
      ownerOrCreator: null,
      ownerManagers: [],
      ownerRegion: null,
      forecastCategories: ['best_case', 'commit', 'closed'],
    });
    expect(visibilityFor(principalAs('rvp'), 'opportunity')).toMatchObject({ ownerRegion: 'emea' });
  });
});
