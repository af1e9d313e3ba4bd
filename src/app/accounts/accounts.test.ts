import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actor, admin, buildOpportunity, buildUser, testContext } from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { createAccountInput } from './account-inputs.js';
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
    await updateAccount(context, admin(), created.value.id, { city: 'Toronto' }, 1);
    const stale = await updateAccount(context, admin(), created.value.id, { city: 'Ottawa' }, 1);
    expect(stale.ok ? 'ok' : stale.error.code).toBe('precondition_failed');
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
