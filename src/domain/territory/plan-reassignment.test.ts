import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import { type AccountToRoute, type DealToFollow, planReassignment } from './plan-reassignment.js';
import type { AccountPlace, Routing } from './territory-model.js';

const place = (subdivision: string | null): AccountPlace => ({
  country: 'US',
  subdivision,
  postalCode: null,
  segment: 'enterprise',
});

/** Texas goes to tex@, everything else in the US to us@; a US account without a state is not routable. */
function route(at: AccountPlace): Routing {
  if (!at.subdivision) {
    return { ok: false, reason: 'needs_subdivision', territories: [], because: 'the US is split by state' };
  }
  const texas = at.subdivision === 'US-TX';
  return {
    ok: true,
    territory: texas ? 'texas' : 'us',
    territoryName: texas ? 'Texas' : 'US',
    ae: texas ? 'Tex@example.com' : 'us@example.com',
    region: 'americas',
    rvp: 'rvp@example.com',
    rule: { territory: texas ? 'texas' : 'us', rule: 0, level: 'subdivision', segmented: false },
    because: `${at.subdivision} is in ${texas ? 'Texas' : 'US'}`,
  };
}

const account = (
  id: string,
  subdivision: string | null,
  ownerId: string | null,
  ownerPinned = false,
): AccountToRoute => ({
  id,
  name: `Account ${id}`,
  ownerId,
  ownerPinned,
  place: place(subdivision),
});
const deal = (id: string, accountId: string, ownerId: string, open = true): DealToFollow => ({
  id,
  name: `Deal ${id}`,
  accountId,
  ownerId,
  open,
});

const roles = new Map<string, Role>([
  ['u_tex', 'ae'],
  ['u_us', 'ae'],
  ['u_old', 'ae'],
  ['u_csm', 'csm'],
  ['u_rvp', 'rvp'],
]);
const aeUserIds = new Map([
  ['tex@example.com', 'u_tex'],
  ['us@example.com', 'u_us'],
]);

describe('planReassignment', () => {
  const plan = planReassignment({
    accounts: [
      account('a_move', 'US-TX', 'u_old'),
      account('a_same', 'US-CA', 'u_us'),
      account('a_pinned', 'US-TX', 'u_old', true),
      account('a_unroutable', null, 'u_old'),
      account('a_unowned', 'US-CA', null),
    ],
    deals: [
      deal('d_ae', 'a_move', 'u_old'),
      deal('d_already', 'a_move', 'u_tex'),
      deal('d_csm', 'a_move', 'u_csm'),
      deal('d_rvp', 'a_move', 'u_rvp'),
      deal('d_closed', 'a_move', 'u_old', false),
      deal('d_pinned', 'a_pinned', 'u_old'),
      deal('d_same', 'a_same', 'u_old'),
    ],
    roles,
    route,
    aeUserIds,
  });

  it('moves routable, unpinned accounts to their AE (e-mails compared case-insensitively)', () => {
    expect(plan.accountMoves.map((move) => [move.accountId, move.fromId, move.toId, move.territory])).toEqual(
      [
        ['a_move', 'u_old', 'u_tex', 'texas'],
        ['a_unowned', null, 'u_us', 'us'],
      ],
    );
    expect(plan.accounts).toEqual({ total: 5, moving: 2, unchanged: 1, kept: 2 });
  });

  it('keeps pinned and unroutable accounts with the reason', () => {
    expect(plan.keptAccounts.map((kept) => [kept.accountId, kept.reason])).toEqual([
      ['a_pinned', expect.stringContaining('pinned')],
      ['a_unroutable', 'not routable: the US is split by state'],
    ]);
  });

  it("moves only open AE-owned deals of moving accounts; CSMs' and others' stay, closed deals never move", () => {
    expect(plan.dealMoves.map((move) => [move.opportunityId, move.fromId, move.toId])).toEqual([
      ['d_ae', 'u_old', 'u_tex'],
    ]);
    expect(plan.deals).toEqual({ moving: 1, keptCsm: 2, closedUnchanged: 1 });
  });

  it('counts per owner, most changes first', () => {
    expect(plan.perOwner).toEqual([
      { userId: 'u_old', accountsGained: 0, accountsLost: 1, dealsGained: 0, dealsLost: 1 },
      { userId: 'u_tex', accountsGained: 1, accountsLost: 0, dealsGained: 1, dealsLost: 0 },
      { userId: 'u_us', accountsGained: 1, accountsLost: 0, dealsGained: 0, dealsLost: 0 },
    ]);
  });

  it('keeps an account whose AE is not an active user', () => {
    const lonely = planReassignment({
      accounts: [account('a', 'US-TX', 'u_old')],
      deals: [],
      roles,
      route,
      aeUserIds: new Map(),
    });
    expect(lonely.keptAccounts[0]?.reason).toBe('the AE of Texas, Tex@example.com, is not an active AE');
  });
});
