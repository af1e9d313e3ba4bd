import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/db/repositories/users-repo.js';
import type { Account } from '../../src/domain/account/account.js';
import type { Opportunity } from '../../src/domain/opportunity/opportunity.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildAccount, buildOpportunity, buildUser, T0 } from '../support/factories.js';
import {
  buildTerritoryPeople,
  coveredTerritoryModel,
  overlappingTerritoryModel,
} from '../support/territory-fixtures.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let admin: ApiClient;
let ae: ApiClient;
let rvp: ApiClient;
let people: Awaited<ReturnType<typeof buildTerritoryPeople>>;
let csm: User;
const accounts: Record<'houston' | 'elPaso' | 'pinned' | 'toronto', Account> = {} as never;
const deals: Record<'houstonOpen' | 'houstonRenewal' | 'houstonClosed' | 'torontoOpen', Opportunity> =
  {} as never;

const MODELS = '/api/v1/territory-models';
const db = () => api.database.db;
const count = async (table: 'events' | 'territory_models') =>
  (await db().selectFrom(table).select('id').execute()).length;
const ownerOf = async (table: 'accounts' | 'opportunities', id: string) =>
  (await db().selectFrom(table).select('owner_id').where('id', '=', id).executeTakeFirstOrThrow()).owner_id;
const eventsOf = (action: string) =>
  db().selectFrom('events').select(['entity_id', 'before', 'after']).where('action', '=', action).execute();

beforeAll(async () => {
  api = await openTestApi();
  people = await buildTerritoryPeople(db());
  csm = await buildUser(db(), { role: 'csm', region: null, email: 'csm@example.com' });
  admin = await signIn(api.app, await buildUser(db(), { role: 'revops_admin', region: null }));
  ae = await signIn(api.app, people.world);
  rvp = await signIn(api.app, people.rvpAmericas);
  const us = people.us.id;
  accounts.houston = await buildAccount(db(), {
    name: 'Houston Oil',
    subdivision: 'US-TX',
    postalCode: '77002',
    ownerId: us,
  });
  accounts.elPaso = await buildAccount(db(), {
    name: 'El Paso Steel',
    subdivision: 'US-TX',
    postalCode: '79901',
    ownerId: people.texas.id,
  });
  accounts.pinned = await buildAccount(db(), {
    name: 'Pinned Labs',
    subdivision: 'US-TX',
    postalCode: '79901',
    ownerId: us,
    ownerPinned: true,
  });
  accounts.toronto = await buildAccount(db(), {
    name: 'Toronto Data',
    country: 'CA',
    subdivision: 'CA-ON',
    postalCode: 'M5H 2N2',
    ownerId: us,
  });
  const context = api.app.context;
  deals.houstonOpen = await buildOpportunity(context, { accountId: accounts.houston.id, ownerId: us });
  deals.houstonRenewal = await buildOpportunity(context, { accountId: accounts.houston.id, ownerId: csm.id });
  deals.houstonClosed = await buildOpportunity(context, { accountId: accounts.houston.id, ownerId: us });
  await db()
    .updateTable('opportunities')
    .set({ closed_at: T0 })
    .where('id', '=', deals.houstonClosed.id)
    .execute();
  deals.torontoOpen = await buildOpportunity(context, { accountId: accounts.toronto.id, ownerId: us });
});
afterAll(() => api.close());

describe('territory models over HTTP: import, edit, proof, preview, activation', () => {
  let draft: { id: string; rowVersion: number };

  it('answers 404 for routing while no model is active, and names the right in the caller’s permissions', async () => {
    const route = await ae.call('POST', '/api/v1/territories/route', {
      country: 'US',
      subdivision: 'US-TX',
      segment: 'smb',
    });
    expect(route.status).toBe(404);
    expect((await admin.call('GET', '/api/v1/auth/me')).body.permissions.manageTerritories.allowed).toBe(
      true,
    );
    const mine = (await ae.call('GET', '/api/v1/auth/me')).body.permissions.manageTerritories;
    expect(mine).toMatchObject({ allowed: false, who: expect.stringContaining('RevOps admin') });
  });

  it('refuses an AE to read or write models, writing nothing', async () => {
    const before = await count('territory_models');
    expect((await ae.call('GET', MODELS)).status).toBe(403);
    const created = await ae.call('POST', MODELS, { source: JSON.stringify(coveredTerritoryModel()) });
    expect(created.status).toBe(403);
    expect(await count('territory_models')).toBe(before);
  });

  it('refuses files that do not parse or validate (422 with path and line) and bodies that are neither (400)', async () => {
    const broken = await admin.call('POST', MODELS, { source: 'name: [\n' });
    expect(broken.status).toBe(422);
    expect(broken.body.problems[0]).toMatchObject({ path: '', line: expect.any(Number) });
    const unknownAe = coveredTerritoryModel();
    unknownAe.territories[0] = { ...unknownAe.territories[0], region: 'nowhere' } as never;
    const invalid = await admin.call('POST', MODELS, { source: JSON.stringify(unknownAe) });
    expect(invalid.status).toBe(422);
    expect(invalid.body.problems).toContainEqual(expect.objectContaining({ path: 'territories[0].region' }));
    const neither = await admin.call('POST', MODELS, {});
    expect(neither.status).toBe(400);
    expect(neither.body.errors.length).toBeGreaterThan(0);
    expect(await count('territory_models')).toBe(0);
  });

  it('imports a file as draft version 1 with its proof, its people and its map', async () => {
    const created = await admin.call('POST', MODELS, { source: JSON.stringify(coveredTerritoryModel()) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, status: 'draft', rowVersion: 1, name: 'Test coverage' });
    expect(created.body.coverage).toMatchObject({ ok: true, gaps: [], overlaps: [] });
    expect(created.body.people.every((person: { problem: string | null }) => person.problem === null)).toBe(
      true,
    );
    const houston = created.body.map.find(
      (entry: { geography: string; segment: string }) =>
        entry.geography === 'US-TX/metro:Houston' && entry.segment === 'enterprise',
    );
    expect(houston).toMatchObject({
      territory: 'texas_metros',
      ae: { email: people.metros.email, name: people.metros.name },
    });
    draft = { id: created.body.id, rowVersion: created.body.rowVersion };
  });

  it('lets an RVP read the models but not change them', async () => {
    const list = await rvp.call('GET', MODELS);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { version: number }) => item.version)).toEqual([1]);
    expect((await rvp.call('GET', `${MODELS}/${draft.id}`)).status).toBe(200);
    expect(
      (await rvp.call('PUT', `${MODELS}/${draft.id}`, { model: coveredTerritoryModel(), rowVersion: 1 }))
        .status,
    ).toBe(403);
    expect((await rvp.call('GET', `${MODELS}/${draft.id}/preview`)).status).toBe(403);
    expect((await rvp.call('POST', `${MODELS}/${draft.id}/activate`, { rowVersion: 1 })).status).toBe(403);
  });

  it('keeps an overlap in a draft, refuses to activate it naming the geography and territories, and writes nothing', async () => {
    const edited = await admin.call('PUT', `${MODELS}/${draft.id}`, {
      model: overlappingTerritoryModel(),
      rowVersion: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.rowVersion).toBe(2);
    expect(edited.body.coverage.ok).toBe(false);
    expect(edited.body.coverage.overlaps).toContainEqual(
      expect.objectContaining({ geography: 'US-TX', territories: ['texas', 'us_rest'] }),
    );
    const stale = await admin.call('PUT', `${MODELS}/${draft.id}`, {
      model: coveredTerritoryModel(),
      rowVersion: 1,
    });
    expect(stale.status).toBe(409);

    const events = await count('events');
    const refused = await admin.call('POST', `${MODELS}/${draft.id}/activate`, { rowVersion: 2 });
    expect(refused.status).toBe(422);
    expect(refused.body.refusals).toContainEqual(
      expect.stringMatching(/overlap: Texas.*US-TX.*Texas and US rest/),
    );
    expect(refused.body.coverage.overlaps.length).toBeGreaterThan(0);
    expect(await count('events')).toBe(events);
    expect(await ownerOf('accounts', accounts.houston.id)).toBe(people.us.id);
    expect((await admin.call('GET', `${MODELS}/${draft.id}`)).body.status).toBe('draft');
  });

  it('previews the fixed draft: who moves, who is kept, counts per owner', async () => {
    const fixed = await admin.call('PUT', `${MODELS}/${draft.id}`, {
      model: coveredTerritoryModel(),
      rowVersion: 2,
    });
    expect(fixed.status).toBe(200);
    draft.rowVersion = fixed.body.rowVersion;
    const preview = await admin.call('GET', `${MODELS}/${draft.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      canActivate: true,
      refusals: [],
      accounts: { total: 4, moving: 2, unchanged: 1, kept: 1 },
      deals: { moving: 2, keptCsm: 1, closedUnchanged: 1 },
    });
    expect(preview.body.keptAccounts).toEqual([
      expect.objectContaining({ accountId: accounts.pinned.id, reason: expect.stringContaining('pinned') }),
    ]);
    expect(preview.body.accountChanges).toContainEqual(
      expect.objectContaining({
        accountId: accounts.houston.id,
        to: { id: people.metros.id, name: people.metros.name },
        territory: 'texas_metros',
      }),
    );
    expect(preview.body.perOwner).toContainEqual({
      userId: people.us.id,
      name: people.us.name,
      accountsGained: 0,
      accountsLost: 2,
      dealsGained: 0,
      dealsLost: 2,
    });
  });

  it('activates: moves accounts and AE-owned open deals, keeps CSM and closed deals, audits each change, sets regions', async () => {
    expect(
      (await admin.call('POST', `${MODELS}/${draft.id}/activate`, { rowVersion: draft.rowVersion - 1 }))
        .status,
    ).toBe(409);
    const activated = await admin.call('POST', `${MODELS}/${draft.id}/activate`, {
      rowVersion: draft.rowVersion,
    });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({
      accountsMoved: 2,
      dealsMoved: 2,
      model: { status: 'active', version: 1 },
    });

    expect(await ownerOf('accounts', accounts.houston.id)).toBe(people.metros.id);
    expect(await ownerOf('accounts', accounts.toronto.id)).toBe(people.canada.id);
    expect(await ownerOf('accounts', accounts.pinned.id)).toBe(people.us.id);
    expect(await ownerOf('accounts', accounts.elPaso.id)).toBe(people.texas.id);
    expect(await ownerOf('opportunities', deals.houstonOpen.id)).toBe(people.metros.id);
    expect(await ownerOf('opportunities', deals.torontoOpen.id)).toBe(people.canada.id);
    expect(await ownerOf('opportunities', deals.houstonRenewal.id)).toBe(csm.id);
    expect(await ownerOf('opportunities', deals.houstonClosed.id)).toBe(people.us.id);

    const accountEvents = (await eventsOf('account.updated')).filter((event) =>
      [accounts.houston.id, accounts.toronto.id].includes(event.entity_id),
    );
    expect(accountEvents).toHaveLength(2);
    expect(accountEvents).toContainEqual({
      entity_id: accounts.houston.id,
      before: { ownerId: people.us.id },
      after: { ownerId: people.metros.id },
    });
    const dealEvents = (await eventsOf('opportunity.updated')).map((event) => event.entity_id).sort();
    expect(dealEvents).toEqual([deals.houstonOpen.id, deals.torontoOpen.id].sort());

    const region = async (user: User) =>
      (await db().selectFrom('users').select('region').where('id', '=', user.id).executeTakeFirstOrThrow())
        .region;
    expect(await region(people.texas)).toBe('americas');
    expect(await region(people.world)).toBe('emea');
    expect(await region(people.rvpEmea)).toBe('emea');
    expect((await eventsOf('user.permissions_changed')).length).toBe(7);
  });

  it('copies the active version into a new draft; activating it archives the old one and moves nothing', async () => {
    const copy = await admin.call('POST', MODELS, { copyOf: draft.id });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ version: 2, status: 'draft' });
    const activePut = await admin.call('PUT', `${MODELS}/${draft.id}`, {
      model: coveredTerritoryModel(),
      rowVersion: 4,
    });
    expect(activePut.status).toBe(409);
    const activated = await admin.call('POST', `${MODELS}/${copy.body.id}/activate`, { rowVersion: 1 });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ accountsMoved: 0, dealsMoved: 0 });
    const list = (await admin.call('GET', MODELS)).body.items;
    expect(list.map((item: { version: number; status: string }) => [item.version, item.status])).toEqual([
      [2, 'active'],
      [1, 'archived'],
    ]);
  });
});

describe('accounts routed by the active model', () => {
  const texas = { name: 'Texan', segment: 'mid_market', country: 'US', subdivision: 'US-TX' };

  it('gives a new Houston account to the Texas-metros AE and an El Paso one to the state AE', async () => {
    const houston = await ae.call('POST', '/api/v1/accounts', { ...texas, postalCode: '77002' });
    expect(houston.status).toBe(201);
    expect(houston.body).toMatchObject({ ownerId: people.metros.id, ownerPinned: false });
    const elPaso = await ae.call('POST', '/api/v1/accounts', {
      ...texas,
      postalCode: '79901',
      county: 'El Paso',
    });
    expect(elPaso.status).toBe(201);
    expect(elPaso.body).toMatchObject({ ownerId: people.texas.id, county: 'El Paso' });
    const view = await admin.call('GET', `/api/v1/accounts/${houston.body.id}`);
    expect(view.body.territory).toMatchObject({
      ok: true,
      territory: 'texas_metros',
      ae: people.metros.email,
    });
  });

  it('refuses a place the model cannot route at its field, writing nothing', async () => {
    const before = (await db().selectFrom('accounts').select('id').execute()).length;
    const noState = await ae.call('POST', '/api/v1/accounts', { ...texas, subdivision: undefined });
    expect(noState.status).toBe(422);
    expect(noState.body.errors).toEqual([{ path: 'body.subdivision', message: expect.any(String) }]);
    const excluded = await ae.call('POST', '/api/v1/accounts', {
      ...texas,
      country: 'KP',
      subdivision: undefined,
    });
    expect(excluded.status).toBe(422);
    expect(excluded.body.errors).toEqual([
      { path: 'body.country', message: expect.stringContaining('export controls') },
    ]);
    expect((await db().selectFrom('accounts').select('id').execute()).length).toBe(before);
  });

  it('needs the reassign right to name another owner, and pins the account when it is given', async () => {
    const mine = await ae.call('POST', '/api/v1/accounts', {
      ...texas,
      postalCode: '79901',
      ownerId: people.world.id,
    });
    expect(mine.status).toBe(403);
    const pinned = await admin.call('POST', '/api/v1/accounts', {
      ...texas,
      postalCode: '79901',
      ownerId: people.us.id,
    });
    expect(pinned.status).toBe(201);
    expect(pinned.body).toMatchObject({ ownerId: people.us.id, ownerPinned: true });
  });

  it('pins an account handed to another owner by hand, and unpins it when it goes back to the routed AE', async () => {
    const created = await ae.call('POST', '/api/v1/accounts', { ...texas, postalCode: '79901' });
    expect(created.body).toMatchObject({ ownerId: people.texas.id, ownerPinned: false });
    const handed = await admin.call(
      'PATCH',
      `/api/v1/accounts/${created.body.id}`,
      { ownerId: people.us.id },
      { 'if-match': `"v${created.body.version}"` },
    );
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ ownerId: people.us.id, ownerPinned: true });
    const back = await admin.call(
      'PATCH',
      `/api/v1/accounts/${created.body.id}`,
      { ownerId: people.texas.id },
      { 'if-match': `"v${handed.body.version}"` },
    );
    expect(back.body).toMatchObject({ ownerId: people.texas.id, ownerPinned: false });
  });

  it('routes an account again when its place changes: the new AE takes it and its AE deals, a CSM keeps hers', async () => {
    const created = await ae.call('POST', '/api/v1/accounts', { ...texas, postalCode: '79901' });
    expect(created.body.ownerId).toBe(people.texas.id);
    const context = api.app.context;
    const open = await buildOpportunity(context, { accountId: created.body.id, ownerId: people.texas.id });
    const renewal = await buildOpportunity(context, { accountId: created.body.id, ownerId: csm.id });
    const moved = await admin.call(
      'PATCH',
      `/api/v1/accounts/${created.body.id}`,
      { postalCode: '77002' },
      { 'if-match': `"v${created.body.version}"` },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ ownerId: people.metros.id, ownerPinned: false, postalCode: '77002' });
    expect(await ownerOf('opportunities', open.id)).toBe(people.metros.id);
    expect(await ownerOf('opportunities', renewal.id)).toBe(csm.id);
    const audited = await eventsOf('opportunity.updated');
    expect(audited).toContainEqual(
      expect.objectContaining({ entity_id: open.id, after: { ownerId: people.metros.id } }),
    );

    const nowhere = await admin.call(
      'PATCH',
      `/api/v1/accounts/${created.body.id}`,
      { country: 'KP', subdivision: null },
      { 'if-match': `"v${moved.body.version}"` },
    );
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.errors).toEqual([
      { path: 'body.country', message: expect.stringContaining('export controls') },
    ]);
    expect(await ownerOf('accounts', created.body.id)).toBe(people.metros.id);
  });

  it('routes a place ad hoc', async () => {
    const routed = await ae.call('POST', '/api/v1/territories/route', {
      country: 'US',
      subdivision: 'US-TX',
      postalCode: '75201',
      segment: 'smb',
    });
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({ ok: true, territory: 'texas_metros', region: 'americas' });
    const bad = await ae.call('POST', '/api/v1/territories/route', {
      country: 'US',
      subdivision: 'CA-ON',
      segment: 'smb',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.subdivision');
  });
});

describe('the region from the model', () => {
  it("refuses an AE's or RVP's region by hand, and another role's region outside the model", async () => {
    const aeRegion = await admin.call('PATCH', `/api/v1/users/${people.texas.id}`, { region: 'emea' });
    expect(aeRegion.status).toBe(422);
    expect(aeRegion.body.errors).toEqual([
      {
        path: 'body.region',
        message: "an AE's region comes from the territory model: Texas, region americas",
      },
    ]);
    const csmMars = await admin.call('PATCH', `/api/v1/users/${csm.id}`, { region: 'mars' });
    expect(csmMars.status).toBe(422);
    expect(csmMars.body.errors[0]).toMatchObject({
      path: 'body.region',
      message: expect.stringContaining('americas, emea'),
    });
    const csmEmea = await admin.call('PATCH', `/api/v1/users/${csm.id}`, { region: 'emea' });
    expect(csmEmea.status).toBe(200);
  });
});
