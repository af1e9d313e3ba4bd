import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actor, admin, buildOpportunity, buildUser, testContext } from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.js';
import { createAccountInput, geographyIssues, updateAccountInput } from './account-inputs.js';
import { getAccount, listAccounts } from './read-accounts.js';
import { createAccount, updateAccount } from './save-account.js';
import { createContact, updateContact } from './save-contact.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('account input', () => {
  it.each([
    [{ country: 'XX' }, 'country'],
    [{ country: 'us' }, 'country'],
    [{ subdivision: 'CA-ON' }, 'subdivision'],
    [{ segment: 'huge' }, 'segment'],
    [{ name: '  ' }, 'name'],
    [{ version: 7 }, ''],
  ])('refuses %o naming the field', (patch, path) => {
    const parsed = createAccountInput.safeParse({
      name: 'Acme',
      segment: 'smb',
      country: 'US',
      subdivision: 'US-CA',
      ...patch,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it.each([
    [
      { country: 'USA' },
      'country',
      'USA is a three-letter code: use the two-letter ISO 3166-1 code, e.g. US',
    ],
    [{ country: 'UK', subdivision: null }, 'country', 'UK (United Kingdom) is reserved'],
    [{ subdivision: 'US-ZZ' }, 'subdivision', 'US-ZZ is not a known subdivision of United States of America'],
    [{ subdivision: 'CA-ON' }, 'subdivision', 'CA-ON is in Canada, not United States of America'],
    [
      { country: 'CA', subdivision: 'US-WA' },
      'subdivision',
      'US-WA is in United States of America, not Canada',
    ],
  ])('refuses %o in words: %s', (patch, path, message) => {
    const parsed = createAccountInput.safeParse({ name: 'Acme', segment: 'smb', country: 'US', ...patch });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: [path], message: expect.stringContaining(message) }),
    ]);
  });

  it('accepts a subdivision of the country, or none', () => {
    for (const where of [
      { country: 'US', subdivision: 'US-WA' },
      { country: 'IE', subdivision: 'IE-D' },
      { country: 'SG', subdivision: null },
      { country: 'AI' },
    ]) {
      expect(createAccountInput.safeParse({ name: 'Acme', segment: 'smb', ...where }).success).toBe(true);
    }
  });

  it('holds the demo seed to the same rules', () => {
    const wrong = DEMO_ACCOUNTS.filter((demo) => geographyIssues(demo.country, demo.subdivision).length > 0);
    expect(wrong.map((demo) => `${demo.name}: ${demo.country} ${demo.subdivision}`)).toEqual([]);
  });

  it('checks a subdivision given alone for an edit by itself (its country is checked with the account)', () => {
    expect(updateAccountInput.safeParse({ subdivision: 'CA-ON' }).success).toBe(true);
    expect(updateAccountInput.safeParse({ subdivision: 'CA-ZZ' }).error?.issues[0]?.message).toBe(
      'CA-ZZ is not a known subdivision of Canada',
    );
    expect(updateAccountInput.safeParse({ country: 'CAN' }).error?.issues[0]?.path).toEqual(['country']);
  });
});

describe('accounts and contacts', () => {
  it('creates, edits and reads an account with its contacts and deals', async () => {
    const { context } = testContext(database.db);
    const owner = await buildUser(database.db);
    const created = await createAccount(context, admin(), {
      name: 'Fjord Analytics',
      segment: 'mid_market',
      country: 'NO',
      subdivision: 'NO-03',
      city: 'Oslo',
      postalCode: '0150',
      ownerId: owner.id,
    });
    if (!created.ok) throw new Error(created.error.message);
    const contact = await createContact(context, admin(), created.value.id, {
      name: 'Ingrid Berg',
      email: 'ingrid@fjord.example',
    });
    if (!contact.ok) throw new Error(contact.error.message);
    const renamed = await updateContact(context, admin(), contact.value.id, { title: 'CTO' }, 1);
    expect(renamed.ok && renamed.value).toMatchObject({ title: 'CTO', version: 2 });
    await buildOpportunity(context, { ownerId: owner.id, accountId: created.value.id });
    const moved = await updateAccount(
      context,
      actor(owner.id),
      created.value.id,
      { city: 'Bergen', postalCode: '5003', subdivision: 'NO-46' },
      1,
    );
    expect(moved.ok && moved.value).toMatchObject({ city: 'Bergen', version: 2 });
    const view = await getAccount(context, admin(), created.value.id);
    expect(view.ok && view.value.contacts.map((c) => c.title)).toEqual(['CTO']);
    expect(view.ok && view.value.opportunities).toHaveLength(1);
  });

  it('refuses a subdivision of another country and stale versions', async () => {
    const { context } = testContext(database.db);
    const created = await createAccount(context, admin(), {
      name: 'Maple Data',
      segment: 'smb',
      country: 'CA',
    });
    if (!created.ok) throw new Error(created.error.message);
    const wrong = await updateAccount(context, admin(), created.value.id, { subdivision: 'US-TX' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('validation_failed');
    expect(!wrong.ok && wrong.error.code === 'validation_failed' && wrong.error.issues).toEqual([
      { path: 'subdivision', message: 'US-TX is in United States of America, not Canada' },
    ]);
    await updateAccount(context, admin(), created.value.id, { city: 'Toronto' }, 1);
    const stale = await updateAccount(context, admin(), created.value.id, { city: 'Ottawa' }, 1);
    expect(stale.ok ? 'ok' : stale.error.code).toBe('precondition_failed');
  });

  it('refuses a geography outside ISO 3166 before any SQL runs', async () => {
    const { context } = testContext(database.db);
    const noDatabase = {
      ...context,
      db: new Proxy(context.db, {
        get: () => {
          throw new Error('no SQL expected');
        },
      }),
    };
    const refused = await createAccount(noDatabase, admin(), {
      name: 'Nowhere Inc',
      segment: 'smb',
      country: 'US',
      subdivision: 'CA-ON',
    });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'subdivision', message: 'CA-ON is in Canada, not United States of America' }],
    });
    const threeLetters = await createAccount(noDatabase, admin(), {
      name: 'X',
      segment: 'smb',
      country: 'USA',
    });
    expect(!threeLetters.ok && threeLetters.error).toMatchObject({ issues: [{ path: 'country' }] });
  });

  it('refuses a new country that does not hold the kept subdivision, and keeps other edits working', async () => {
    const { context } = testContext(database.db);
    const created = await createAccount(context, admin(), {
      name: 'Cascade Compute',
      segment: 'smb',
      country: 'US',
      subdivision: 'US-WA',
    });
    if (!created.ok) throw new Error(created.error.message);
    const moved = await updateAccount(context, admin(), created.value.id, { country: 'CA' });
    expect(!moved.ok && moved.error).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'subdivision', message: 'US-WA is in United States of America, not Canada' }],
    });
    const both = await updateAccount(context, admin(), created.value.id, {
      country: 'CA',
      subdivision: 'CA-BC',
    });
    expect(both.ok && both.value).toMatchObject({ country: 'CA', subdivision: 'CA-BC', version: 2 });
    const cleared = await updateAccount(context, admin(), created.value.id, {
      country: 'GB',
      subdivision: null,
    });
    expect(cleared.ok && cleared.value).toMatchObject({ country: 'GB', subdivision: null, version: 3 });
  });

  it('lists by name with search and cursor pages', async () => {
    const { context } = testContext(database.db);
    for (const name of ['zeta Labs', 'Alpha Labs', 'beta Labs', 'Gamma Labs', 'Delta Works']) {
      await createAccount(context, admin(), { name, segment: 'smb', country: 'DE' });
    }
    const first = await listAccounts(context, admin(), { search: 'labs', country: 'DE', limit: 2 });
    if (!first.ok) throw new Error(first.error.message);
    const second = await listAccounts(context, admin(), {
      search: 'labs',
      country: 'DE',
      limit: 2,
      cursor: first.value.nextCursor ?? '',
    });
    if (!second.ok) throw new Error(second.error.message);
    expect([...first.value.items, ...second.value.items].map((account) => account.name)).toEqual([
      'Alpha Labs',
      'beta Labs',
      'Gamma Labs',
      'zeta Labs',
    ]);
    expect(second.value.nextCursor).toBeNull();
  });
});
