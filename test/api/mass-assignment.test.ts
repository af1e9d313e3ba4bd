import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn, signInNewUser } from '../support/api-client.js';
import { buildOwned, type Owned } from '../support/authorization-org.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

/**
 * No mass assignment: a body carrying a field the caller may not write — derived, server-owned, or above
 * their role — is refused (400/403) and changes 0 columns, whatever else it carries.
 */
let api: TestApi;
let owner: ApiClient;
let admin: ApiClient;
let mine: Owned;

beforeAll(async () => {
  api = await openTestApi();
  const rvp = await buildUser(api.database.db, { role: 'rvp', region: 'emea' });
  const ae = await buildUser(api.database.db, { role: 'ae', region: 'emea', managerId: rvp.id });
  owner = await signIn(api.app, ae);
  admin = await signInNewUser(api.app);
  mine = await buildOwned(api.app, ae, 'mass-assignment');
});
afterAll(() => api.close());

const anyJson = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const SERVER_OWNED_DEAL_FIELDS = [
  'id',
  'stage',
  'pipeline',
  'probability',
  'forecastCategory',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'closedAt',
  'stageEnteredAt',
  'lossReason',
  'winningCompetitor',
  'accountId',
  'source',
] as const;

/** Valid edits an owner may make, so the forbidden field is the only thing wrong with the body. */
const allowedDealEdits = fc.record(
  {
    name: fc.constantFrom('Renamed deal', 'Platform expansion'),
    amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
    closeDate: fc.constantFrom('2027-02-01', '2027-09-30'),
    nextStep: fc.constantFrom('Send pricing', null),
  },
  { requiredKeys: [] },
);

async function snapshot() {
  const db = api.database.db;
  return {
    deal: await db.selectFrom('opportunities').selectAll().where('id', '=', mine.deal.id).executeTakeFirst(),
    account: await db.selectFrom('accounts').selectAll().where('id', '=', mine.account.id).executeTakeFirst(),
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    dealCount: (await db.selectFrom('opportunities').select('id').execute()).length,
    events: (await db.selectFrom('events').select('id').execute()).length,
  };
}

describe('mass assignment', () => {
  it('refuses a deal edit with any server-owned field, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        allowedDealEdits,
        fc.subarray([...SERVER_OWNED_DEAL_FIELDS], { minLength: 1 }),
        fc.array(anyJson, { minLength: 15, maxLength: 15 }),
        async (edits, forbidden, values) => {
          const body = {
            ...edits,
            ...Object.fromEntries(forbidden.map((field, index) => [field, values[index]])),
          };
          const before = await snapshot();
          const result = await owner.call('PATCH', `/api/v1/opportunities/${mine.deal.id}`, body);
          expect(result.status).toBe(400);
          const refused = (result.body.errors as Array<{ path: string }>).map((error) => error.path);
          for (const field of forbidden) expect(refused).toContain(`body.${field}`);
          expect(await snapshot()).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses an owner change from a role without the reassign right (403), changing nothing', async () => {
    const peer = await buildUser(api.database.db, { role: 'ae', region: 'emea' });
    await fc.assert(
      fc.asyncProperty(allowedDealEdits, async (edits) => {
        const before = await snapshot();
        const result = await owner.call('PATCH', `/api/v1/opportunities/${mine.deal.id}`, {
          ...edits,
          ownerId: peer.id,
        });
        expect(result.status).toBe(403);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });

  it('refuses a create that sets derived or server-owned fields, creating nothing', async () => {
    const base = {
      accountId: mine.account.id,
      name: 'Forged',
      type: 'new_business',
      amountMinor: 100,
      currency: 'EUR',
      closeDate: '2027-01-01',
      ownerId: owner.user.id,
      source: 'ae',
    };
    const createForbidden = SERVER_OWNED_DEAL_FIELDS.filter((field) => !(field in base));
    await fc.assert(
      fc.asyncProperty(fc.subarray(createForbidden, { minLength: 1 }), anyJson, async (forbidden, value) => {
        const before = await snapshot();
        const result = await owner.call('POST', '/api/v1/opportunities', {
          ...base,
          ...Object.fromEntries(forbidden.map((field) => [field, value])),
        });
        expect(result.status).toBe(400);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses account edits with server-owned fields, and user edits with secrets or ids', async () => {
    const accountForbidden = ['id', 'version', 'createdAt', 'updatedAt'];
    const userForbidden = ['id', 'passwordHash', 'password', 'version', 'createdAt'];
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(accountForbidden, { minLength: 1 }),
        fc.subarray(userForbidden, { minLength: 1 }),
        anyJson,
        async (accountFields, userFields, value) => {
          const before = await snapshot();
          const account = await owner.call('PATCH', `/api/v1/accounts/${mine.account.id}`, {
            city: 'Hamburg',
            ...Object.fromEntries(accountFields.map((field) => [field, value])),
          });
          expect(account.status).toBe(400);
          const user = await admin.call('PATCH', `/api/v1/users/${owner.user.id}`, {
            name: 'Renamed',
            ...Object.fromEntries(userFields.map((field) => [field, value])),
          });
          expect(user.status).toBe(400);
          expect(await snapshot()).toEqual(before);
        },
      ),
      { numRuns: 25 },
    );
  });
});
