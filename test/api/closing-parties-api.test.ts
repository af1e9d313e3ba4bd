import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signInNewUser } from '../support/api-client.js';
import { buildAccount, buildContact } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

/** The parties of the closing path on the account: the buyer's AWS account, the signer, the AWS admin. */
let api: TestApi;
let admin: ApiClient;

beforeAll(async () => {
  api = await openTestApi();
  admin = await signInNewUser(api.app);
});
afterAll(() => api.close());

describe("the buyer's AWS account id", () => {
  it('is set through the account update, shown on the account, cleared with null', async () => {
    const account = await buildAccount(api.database.db);
    const set = await admin.call('PATCH', `/api/v1/accounts/${account.id}`, { awsAccountId: '012345678901' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const read = await admin.call('GET', `/api/v1/accounts/${account.id}`);
    expect(read.body.account.awsAccountId).toBe('012345678901');
    await admin.call('PATCH', `/api/v1/accounts/${account.id}`, { awsAccountId: null });
    const after = await admin.call('GET', `/api/v1/accounts/${account.id}`);
    expect(after.body.account.awsAccountId).toBeNull();
  });

  it.each(['12345', '1234567890123', '12345678901a', ' 123456789012', 123456789012])(
    'refuses %j at the field',
    async (value) => {
      const account = await buildAccount(api.database.db);
      const answer = await admin.call('PATCH', `/api/v1/accounts/${account.id}`, { awsAccountId: value });
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((error: { path: string }) => error.path)).toEqual(['body.awsAccountId']);
    },
  );
});

describe('closing roles on contacts', () => {
  it('marks one signer and a distinct AWS admin, shown on the account', async () => {
    const account = await buildAccount(api.database.db);
    const signer = await admin.call('POST', `/api/v1/accounts/${account.id}/contacts`, {
      name: 'Dana Signer',
      email: 'dana@acme.example',
      closingRoles: ['docusign_signer'],
    });
    expect(signer.status, JSON.stringify(signer.body)).toBe(201);
    const awsAdmin = await buildContact(api.database.db, account.id, { name: 'Ari Admin' });
    const marked = await admin.call('PATCH', `/api/v1/contacts/${awsAdmin.id}`, {
      closingRoles: ['aws_admin'],
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const view = await admin.call('GET', `/api/v1/accounts/${account.id}`);
    const roles = Object.fromEntries(
      view.body.contacts.map((contact: { name: string; closingRoles: string[] }) => [
        contact.name,
        contact.closingRoles,
      ]),
    );
    expect(roles).toEqual({ 'Ari Admin': ['aws_admin'], 'Dana Signer': ['docusign_signer'] });
  });

  it('refuses the signer and the AWS admin on one contact, and a second holder of a role, at the field', async () => {
    const account = await buildAccount(api.database.db);
    const both = await admin.call('POST', `/api/v1/accounts/${account.id}/contacts`, {
      name: 'Both Roles',
      closingRoles: ['docusign_signer', 'aws_admin'],
    });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([
      {
        path: 'body.closingRoles',
        message: 'the DocuSign signer and the AWS admin must be two different contacts',
      },
    ]);
    const first = await buildContact(api.database.db, account.id, {
      name: 'First',
      closingRoles: ['docusign_signer'],
    });
    const second = await buildContact(api.database.db, account.id, { name: 'Second' });
    const again = await admin.call('PATCH', `/api/v1/contacts/${second.id}`, {
      closingRoles: ['docusign_signer'],
    });
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toEqual({
      path: 'body.closingRoles',
      message: `First (${first.id}) is already the DocuSign signer of this account; take the role from them first`,
    });
    const repeated = await admin.call('PATCH', `/api/v1/contacts/${second.id}`, {
      closingRoles: ['aws_admin', 'aws_admin'],
    });
    expect(repeated.status).toBe(400);
  });

  it('lets exactly one of 10 concurrent markings through, the others refused, none a 500', async () => {
    const account = await buildAccount(api.database.db);
    const contacts = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        buildContact(api.database.db, account.id, { name: `Candidate ${index}` }),
      ),
    );
    const answers = await Promise.all(
      contacts.map((contact) =>
        admin.call('PATCH', `/api/v1/contacts/${contact.id}`, { closingRoles: ['aws_admin'] }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(9).fill(400)]);
  });
});
