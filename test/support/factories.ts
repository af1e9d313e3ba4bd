import type { Kysely } from 'kysely';
import { actorFor, systemActor } from '../../src/app/access/actors.js';
import { logActivity } from '../../src/app/activities/log-activity.js';
import type { Actor, AppContext } from '../../src/app/context.js';
import { newId } from '../../src/app/open-app.js';
import { createOpportunity } from '../../src/app/opportunities/create-opportunity.js';
import type { CreateOpportunityInput } from '../../src/app/opportunities/opportunity-inputs.js';
import { insertAccount, insertContact } from '../../src/db/repositories/accounts-repo.js';
import { insertContract } from '../../src/db/repositories/contracts-repo.js';
import { insertUsers, type User } from '../../src/db/repositories/users-repo.js';
import type { Database } from '../../src/db/schema.js';
import type { Principal } from '../../src/domain/access/principal.js';
import type { Account, Contact } from '../../src/domain/account/account.js';
import type { Contract } from '../../src/domain/contract/contract.js';
import type { Opportunity } from '../../src/domain/opportunity/opportunity.js';
import type { Playbook } from '../../src/domain/playbook/playbook.js';
import { firebolt } from './playbook-fixtures.js';

export const T0 = new Date('2026-11-02T09:00:00Z');

/** A context over a test database with a clock the test moves by hand (Firebolt's playbook unless given). */
export function testContext(db: Kysely<Database>, start: Date = T0, playbook: Playbook = firebolt()) {
  let current = start;
  // As WEBHOOKS_ALLOW_HTTP / WEBHOOKS_ALLOW_PRIVATE_TARGETS do for a server: tests' receivers are local.
  const context: AppContext = {
    db,
    playbook,
    now: () => current,
    newId,
    webhookTargets: { allowHttp: true, allowPrivateTargets: true },
  };
  return {
    context,
    setNow: (at: Date) => {
      current = at;
    },
    advanceDays: (days: number) => {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}

/** An actor with a role (an AE by default) and no region or manager unless given. */
export const actor = (id = 'user_ae', principal: Partial<Principal> = {}): Actor =>
  actorFor({ id, role: 'ae', region: null, managerId: null, ...principal });

/** The system acting with admin rights. */
export const admin = (): Actor => systemActor('test');

export async function buildUser(db: Kysely<Database>, overrides: Partial<User> = {}): Promise<User> {
  const id = overrides.id ?? newId('user');
  const user: User = {
    id,
    email: `${id}@example.com`,
    name: 'Test User',
    role: 'ae',
    region: 'americas',
    managerId: null,
    active: true,
    createdAt: T0,
    ...overrides,
  };
  await insertUsers(db, [user]);
  return user;
}

export async function buildAccount(db: Kysely<Database>, overrides: Partial<Account> = {}): Promise<Account> {
  const account: Account = {
    id: newId('acc'),
    name: 'Acme Analytics',
    domain: 'acme.example',
    segment: 'enterprise',
    industry: 'Software',
    country: 'US',
    subdivision: 'US-CA',
    city: 'San Francisco',
    postalCode: '94105',
    county: null,
    csmId: null,
    ownerId: null,
    ownerPinned: false,
    selfServeUsage: false,
    awsAccountId: null,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
  await insertAccount(db, account);
  return account;
}

export async function buildContact(
  db: Kysely<Database>,
  accountId: string,
  overrides: Partial<Contact> = {},
) {
  const contact: Contact = {
    id: newId('con'),
    accountId,
    name: 'Dana Novak',
    email: 'dana@acme.example',
    title: 'Head of Data',
    phone: null,
    closingRoles: [],
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
  await insertContact(db, contact);
  return contact;
}

/** Creates a deal through the real use case (so history and derived fields are as in production). */
export async function buildOpportunity(
  context: AppContext,
  overrides: Partial<CreateOpportunityInput> & { ownerId: string; accountId: string },
): Promise<Opportunity> {
  const result = await createOpportunity(context, admin(), {
    name: 'Acme — analytics platform',
    type: 'new_business',
    amountMinor: 150_000_00,
    currency: 'USD',
    closeDate: '2027-03-31',
    source: 'ae',
    ...overrides,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A commit contract in force from a year before T0 to a year after it: what makes a Commit Customer. */
export async function buildContract(
  db: Kysely<Database>,
  accountId: string,
  overrides: Partial<Contract> = {},
) {
  const contract: Contract = {
    id: newId('ctr'),
    accountId,
    kind: 'commit',
    startDate: '2025-11-03',
    endDate: '2027-11-02',
    tcvMinor: 200_000_00,
    currency: 'USD',
    opportunityId: null,
    createdBy: 'system:test',
    createdAt: T0,
    version: 1,
    endedOn: null,
    endedReason: null,
    ...overrides,
  };
  await insertContract(db, contract);
  return contract;
}

/** An account with a commit contract in force: Upsell, Renewal and Expansion deals suit it. */
export async function buildCustomerAccount(db: Kysely<Database>, overrides: Partial<Account> = {}) {
  const account = await buildAccount(db, { name: 'Globex Data', domain: 'globex.example', ...overrides });
  await buildContract(db, account.id);
  return account;
}

/** Logs a call on a deal through the real use case, at the context's now: what "Call notes" is derived from. */
export async function logCall(
  context: AppContext,
  by: Actor,
  opportunityId: string,
  summary = 'Discovery call',
) {
  const result = await logActivity(context, by, { opportunityId }, { kind: 'call', contactIds: [], summary });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
