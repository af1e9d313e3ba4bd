import type { Kysely } from 'kysely';
import {
  findAccount,
  insertContact,
  listContacts,
  saveContact as updateContactRow,
} from '../../db/repositories/accounts-repo.js';
import type { Database } from '../../db/schema.js';
import type { ClosingRole, Contact } from '../../domain/account/account.js';
import { closingRolesProblem } from '../../domain/account/closing-roles.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToAccount, denied, lockContact } from '../access/authorize.js';
import { type AppError, invalid, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { diff, recordEvent } from '../shared/record-event.js';
import type { CreateContactInput, UpdateContactInput } from './account-inputs.js';

function applyFields(contact: Contact, input: UpdateContactInput): Contact {
  return {
    ...contact,
    name: input.name ?? contact.name,
    email: input.email === undefined ? contact.email : input.email,
    title: input.title === undefined ? contact.title : input.title,
    phone: input.phone === undefined ? contact.phone : input.phone,
    closingRoles: input.closingRoles ?? contact.closingRoles,
  };
}

/**
 * Closing roles are unique per account and never both on one contact: checked against the account's other
 * contacts with the account row locked, so two concurrent markings cannot both pass (the unique indexes of
 * migration 014 are the backstop, never the answer).
 */
async function closingRolesRefusal(
  trx: Kysely<Database>,
  contact: Pick<Contact, 'id' | 'accountId'>,
  roles: readonly ClosingRole[],
): Promise<AppError | null> {
  if (roles.length === 0) return null;
  await findAccount(trx, contact.accountId, { lock: true });
  const problem = closingRolesProblem(contact.id, roles, await listContacts(trx, contact.accountId));
  return problem ? invalid([{ path: 'closingRoles', message: problem }]) : null;
}

export async function createContact(
  context: AppContext,
  actor: Actor,
  accountId: string,
  input: CreateContactInput,
): Promise<Result<Contact, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const account = await findAccount(trx, accountId, { lock: (input.closingRoles?.length ?? 0) > 0 });
    const refusal = account
      ? denied(await accessToAccount(trx, actor, account), 'qualify', 'Account', accountId)
      : notFound('Account', accountId);
    if (refusal) return err(refusal);
    const now = context.now();
    const blank: Contact = {
      id: context.newId('con'),
      accountId,
      name: input.name,
      email: null,
      title: null,
      phone: null,
      closingRoles: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const contact = applyFields(blank, input);
    const rolesRefusal = await closingRolesRefusal(trx, contact, contact.closingRoles);
    if (rolesRefusal) return err(rolesRefusal);
    await insertContact(trx, contact);
    await recordEvent(trx, actor, now, {
      entityType: 'contact',
      entityId: contact.id,
      action: 'contact.created',
      after: contact,
    });
    return ok(contact);
  });
}

export async function updateContact(
  context: AppContext,
  actor: Actor,
  id: string,
  input: UpdateContactInput,
  expectedVersion?: number,
): Promise<Result<Contact, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockContact(trx, actor, id, expectedVersion);
    if (!locked.ok) return locked;
    const current = locked.value;
    const next = applyFields(current, input);
    const added = next.closingRoles.filter((role) => !current.closingRoles.includes(role));
    const rolesRefusal = added.length > 0 && (await closingRolesRefusal(trx, next, next.closingRoles));
    if (rolesRefusal) return err(rolesRefusal);
    const changes = diff(current, next);
    if (Object.keys(changes.after).length === 0) return ok(current);
    const now = context.now();
    const saved = { ...next, version: current.version + 1, updatedAt: now };
    await updateContactRow(trx, saved);
    await recordEvent(trx, actor, now, {
      entityType: 'contact',
      entityId: id,
      action: 'contact.updated',
      ...changes,
    });
    return ok(saved);
  });
}
