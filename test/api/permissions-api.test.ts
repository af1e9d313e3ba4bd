import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles.js';
import { ROLES } from '../../src/domain/access/roles.js';
import type { ApiClient, CallResult } from '../support/api-client.js';
import { buildOwned, buildProofOrg, PROOF_RELATIONS, signInAs } from '../support/authorization-org.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

/**
 * Every record says what the caller may do with it. For every role × relation, each permission the API states
 * is checked against what the API then does: allowed ⇒ the write succeeds, not allowed ⇒ 403 with who may.
 */
let api: TestApi;
let org: Awaited<ReturnType<typeof buildProofOrg>>;
let admin: ApiClient;
const clients = new Map<Role, ApiClient>();

beforeAll(async () => {
  api = await openTestApi();
  org = await buildProofOrg(api.app);
  admin = await signInAs(api.app, 'revops_admin', org.rvpEmea);
  for (const role of ROLES) clients.set(role, await signInAs(api.app, role, org.rvpEmea));
});
afterAll(() => api.close());

type Permission = { allowed: boolean; who: string | null };

/** A refusal by role is 403; reopening, a rule of the stage machine, answers 409 illegal_transition. */
function agrees(name: string, permission: Permission, result: CallResult, refusal = 403) {
  const label = `${name}: ${JSON.stringify(result.body)}`;
  if (permission.allowed) {
    expect(result.status, label).toBeLessThan(300);
  } else {
    expect(result.status, label).toBe(refusal);
    expect(permission.who, name).toMatch(/^Who may: .+\.$|^Closed|^The deal is open/);
  }
}

const cells = ROLES.flatMap((role) => PROOF_RELATIONS.map((relation) => ({ role, relation })));
let counter = 0;

describe('permissions on records agree with what the API enforces', () => {
  it.each(cells)('a deal and its account, as $role on a $relation record', async ({ role, relation }) => {
    const me = clients.get(role);
    if (!me) throw new Error('setup');
    const owner =
      relation === 'own' ? { ...me.user } : relation === 'region' ? org.regionColleague : org.abroad;
    const owned = await buildOwned(api.app, owner, `${role}-${relation}-${++counter}`);
    const dealUrl = `/api/v1/opportunities/${owned.deal.id}`;
    const view = await me.call('GET', dealUrl);
    if (view.status === 404) {
      expect((await me.call('GET', `/api/v1/accounts/${owned.account.id}`)).status === 200).toBe(
        role === 'vp_finance',
      );
    } else {
      expect(view.status).toBe(200);
      const can = view.body.permissions;
      agrees(
        'qualify',
        can.qualify,
        await me.call('PUT', `${dealUrl}/meddpicc/metrics`, { level: 'identified', summary: 'x' }),
      );
      agrees(
        'attest nb_icp_fit',
        can.attest.nb_icp_fit,
        await me.call('PUT', `${dealUrl}/criteria/nb_icp_fit`, { note: 'fit' }),
      );
      expect(can.attest.nb_call_notes, 'derived criteria are never ticked').toBeUndefined();
      agrees(
        'log activity',
        can.qualify,
        await me.call('POST', `${dealUrl}/activities`, { kind: 'call', summary: 'x' }),
      );
      agrees('edit', can.edit, await me.call('PATCH', dealUrl, { nextStep: 'Call back' }));
      agrees(
        'override',
        can.override,
        await me.call('POST', `${dealUrl}/stage`, { to: 'discover', override: { justification: 'Matrix' } }),
      );
      agrees('reassign', can.reassign, await me.call('PATCH', dealUrl, { ownerId: org.regionColleague.id }));
      const closed = await me.call('POST', `${dealUrl}/stage`, { to: 'closed_lost', lossReason: 'budget' });
      agrees('moveStage', can.moveStage, closed);
      if (closed.status === 200) {
        const after = (await me.call('GET', dealUrl)).body.permissions;
        expect(after.moveStage.allowed).toBe(false);
        agrees(
          'reopen',
          after.reopen,
          await me.call('POST', `${dealUrl}/stage`, { to: 'created', reason: 'Back' }),
          409,
        );
      }
    }

    const accountUrl = `/api/v1/accounts/${owned.account.id}`;
    const account = await me.call('GET', accountUrl);
    if (account.status === 404) return;
    const can = account.body.permissions;
    agrees('account edit', can.edit, await me.call('PATCH', accountUrl, { city: 'Lyon' }));
    agrees(
      'contacts',
      can.keepContacts,
      await me.call('POST', `${accountUrl}/contacts`, { name: 'New Contact' }),
    );
    agrees(
      'contracts',
      can.recordContracts,
      await me.call('POST', `${accountUrl}/contracts`, {
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        tcvMinor: 1000,
        currency: 'EUR',
      }),
    );
    // Read again: a contract recorded above makes it a commit customer, with other deal types.
    const types = (await me.call('GET', accountUrl)).body.dealTypes;
    const fitting = types.find((type: { fits: boolean }) => type.fits);
    agrees(
      'create deal',
      can.createDeal,
      await me.call('POST', '/api/v1/opportunities', {
        accountId: owned.account.id,
        name: 'From the account page',
        type: fitting.key,
        amountMinor: 1000,
        currency: 'EUR',
        closeDate: '2027-06-30',
        ownerId: me.user.id,
        source: 'ae',
      }),
    );
  });

  it('the signed-in user learns what their role may do anywhere', async () => {
    const finance = await clients.get('vp_finance')?.call('GET', '/api/v1/auth/me');
    expect(finance?.body.permissions).toMatchObject({
      createDeals: { allowed: false, who: expect.stringMatching(/^Who may: Account Executive/) },
      administer: { allowed: false },
    });
    const me = await admin.call('GET', '/api/v1/auth/me');
    expect(me.body.permissions.administer).toEqual({ allowed: true, who: null });
  });

  it('the owner picker offers only the people the caller may make owners', async () => {
    const ae = clients.get('ae');
    const rvp = clients.get('rvp');
    if (!ae || !rvp) throw new Error('setup');
    const mine = await ae.call('GET', '/api/v1/users?assignableAsOwner=true&limit=200');
    expect(mine.body.items.map((user: { id: string }) => user.id)).toEqual([ae.user.id]);
    const region = await rvp.call('GET', '/api/v1/users?assignableAsOwner=true&limit=200');
    const ids = region.body.items.map((user: { id: string }) => user.id);
    expect(ids).toContain(org.regionColleague.id);
    expect(ids).not.toContain(org.abroad.id);
  });

  it('board cards say whether the caller may move them', async () => {
    const ae = clients.get('ae');
    if (!ae) throw new Error('setup');
    const own = await buildOwned(api.app, { ...ae.user }, 'board-own');
    const colleague = await buildOwned(api.app, org.regionColleague, 'board-colleague');
    const board = await ae.call('GET', '/api/v1/pipelines/new_business/board');
    const card = (id: string) => board.body.cards.find((candidate: { id: string }) => candidate.id === id);
    expect(card(own.deal.id)?.mayMove).toBe(true);
    expect(card(colleague.deal.id)).toBeUndefined(); // an AE does not see a colleague outside the team
    const rvp = clients.get('rvp');
    const rvpBoard = await rvp?.call('GET', '/api/v1/pipelines/new_business/board');
    const seen = rvpBoard?.body.cards.find((candidate: { id: string }) => candidate.id === colleague.deal.id);
    expect(seen?.mayMove).toBe(true);
    const viewerBoard = await clients.get('viewer')?.call('GET', '/api/v1/pipelines/new_business/board');
    expect(viewerBoard?.body.cards.every((candidate: { mayMove: boolean }) => !candidate.mayMove)).toBe(true);
  });
});
