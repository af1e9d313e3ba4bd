import type { Kysely } from 'kysely';
import { findAccount, findContact } from '../../db/repositories/accounts-repo.js';
import { findOpportunityWithOwner, type OwnerOfRecord } from '../../db/repositories/opportunities-repo.js';
import { findUser } from '../../db/repositories/users-repo.js';
import type { Database } from '../../db/schema.js';
import {
  type AccountPermissions,
  accountPermissions,
  type OpportunityPermissions,
  opportunityPermissions,
} from '../../domain/access/permissions.js';
import type { OwnerFacts } from '../../domain/access/principal.js';
import { relationTo } from '../../domain/access/principal.js';
import {
  type Access,
  accountAccess,
  mayRecordContracts,
  opportunityAccess,
} from '../../domain/access/record-access.js';
import type { Relation } from '../../domain/access/roles.js';
import type { Account } from '../../domain/account/account.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import type { Pipeline } from '../../domain/playbook/playbook.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, type FieldIssue, forbidden, notFound } from '../app-error.js';
import type { Actor } from '../context.js';
import { lockForWrite } from '../shared/lock-for-write.js';

function factsOf(ownerId: string | null, owner: OwnerOfRecord | undefined, createdBy: string | null) {
  const facts: OwnerFacts = {
    ownerId,
    ownerRegion: owner?.region ?? null,
    ownerManagerId: owner?.managerId ?? null,
    createdBy,
  };
  return facts;
}

async function ownerFacts(db: Kysely<Database>, ownerId: string | null, createdBy: string | null = null) {
  return factsOf(ownerId, ownerId ? await findUser(db, ownerId) : undefined, createdBy);
}

/** The actor's access to a deal whose owner is already loaded (findOpportunityWithOwner). */
function accessWithOwner(actor: Actor, opportunity: Opportunity, owner: OwnerOfRecord | undefined) {
  const facts = factsOf(opportunity.ownerId, owner, opportunity.createdBy);
  return opportunityAccess(actor.principal, { ...facts, forecastCategory: opportunity.forecastCategory });
}

export async function accessToOpportunity(db: Kysely<Database>, actor: Actor, opportunity: Opportunity) {
  const owner = opportunity.ownerId ? await findUser(db, opportunity.ownerId) : undefined;
  return accessWithOwner(actor, opportunity, owner);
}

export async function accessToAccount(db: Kysely<Database>, actor: Actor, account: Account) {
  return accountAccess(actor.principal, await ownerFacts(db, account.ownerId));
}

/** What the actor may do with a deal, by the rules this file enforces: the record says so to the screen. */
export async function permissionsOnOpportunity(
  db: Kysely<Database>,
  actor: Actor,
  opportunity: Opportunity,
  pipeline: Pipeline,
): Promise<OpportunityPermissions> {
  const facts = await ownerFacts(db, opportunity.ownerId, opportunity.createdBy);
  const record = { ...facts, forecastCategory: opportunity.forecastCategory };
  return opportunityPermissions(actor.principal, record, pipeline, opportunity.closedAt === null);
}

export async function permissionsOnAccount(
  db: Kysely<Database>,
  actor: Actor,
  account: Account,
): Promise<AccountPermissions> {
  return accountPermissions(actor.principal, await ownerFacts(db, account.ownerId));
}

/** 404 for what the actor may not see (nothing leaks), 403 for what they see but may not do. */
export function denied(
  access: Access,
  need: Exclude<keyof Access, 'read'> | 'read',
  what: string,
  id: string,
): AppError | null {
  if (!access.read) return notFound(what, id);
  if (need !== 'read' && !access[need]) {
    return { code: 'forbidden', message: `You may not ${VERBS[need]} this ${what.toLowerCase()}.` };
  }
  return null;
}

const VERBS = {
  edit: 'change',
  qualify: 'update the qualification or contacts of',
  reassign: 'reassign',
} as const;

/** Whether the actor may make `userId` an owner, given the relations their role allows for that choice. */
export async function checkOwnerChoice(
  db: Kysely<Database>,
  actor: Actor,
  userId: string,
  allowed: readonly Relation[],
): Promise<FieldIssue | null> {
  const user = await findUser(db, userId);
  if (!user?.active) return { path: 'ownerId', message: 'no such active user' };
  const relation = relationTo(actor.principal, {
    ownerId: user.id,
    ownerRegion: user.region,
    ownerManagerId: user.managerId,
  });
  return allowed.includes(relation)
    ? null
    : { path: 'ownerId', message: 'you may not assign records to this user' };
}

/**
 * Locks a deal for a change that needs `need`, refusing unseen (404), unpermitted (403) and stale (412).
 * The deal and its owner's facts come in one statement: every change to a deal starts here.
 */
export function lockOpportunity(
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
  need: 'edit' | 'qualify',
  expectedVersion: number | undefined,
): Promise<Result<Opportunity, AppError>> {
  let owner: OwnerOfRecord | undefined;
  return lockForWrite(
    async () => {
      const found = await findOpportunityWithOwner(trx, id, { lock: true });
      owner = found?.owner;
      return found?.opportunity;
    },
    'Opportunity',
    id,
    expectedVersion,
    async (deal) => denied(accessWithOwner(actor, deal, owner), need, 'Opportunity', id),
  );
}

/** A deal the actor may read, or 404 (also for deals that exist but are not theirs to see). */
export async function readableOpportunity(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<Result<Opportunity, AppError>> {
  const found = await findOpportunityWithOwner(db, id);
  if (!found || !accessWithOwner(actor, found.opportunity, found.owner).read)
    return err(notFound('Opportunity', id));
  return ok(found.opportunity);
}

/** An account the actor may read, or 404. */
export async function readableAccount(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<Result<Account, AppError>> {
  const account = await findAccount(db, id);
  if (!account || !(await accessToAccount(db, actor, account)).read) return err(notFound('Account', id));
  return ok(account);
}

/** Locks an account to edit it: 404 unseen, 403 unpermitted, 412 stale. */
export function lockAccount(
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
) {
  return lockForWrite(
    () => findAccount(trx, id, { lock: true }),
    'Account',
    id,
    expectedVersion,
    async (account) => denied(await accessToAccount(trx, actor, account), 'edit', 'Account', id),
  );
}

/** Locks an account to record a contract on it: 404 unseen, 403 for roles that do not record contracts, 412 stale. */
export function lockAccountForContracts(
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
) {
  return lockForWrite(
    () => findAccount(trx, id, { lock: true }),
    'Account',
    id,
    expectedVersion,
    async (account) => {
      const facts = await ownerFacts(trx, account.ownerId);
      if (!accountAccess(actor.principal, facts).read) return notFound('Account', id);
      return mayRecordContracts(actor.principal, facts)
        ? null
        : forbidden('Your role does not record contracts on this account; Finance and RevOps do.');
    },
  );
}

/** Locks a contact to edit it, judged by its account: 404 unseen, 403 unpermitted, 412 stale. */
export function lockContact(
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
) {
  return lockForWrite(
    () => findContact(trx, id, { lock: true }),
    'Contact',
    id,
    expectedVersion,
    async (contact) => {
      const account = await findAccount(trx, contact.accountId);
      if (!account) return notFound('Contact', id);
      return denied(await accessToAccount(trx, actor, account), 'qualify', 'Contact', id);
    },
  );
}
