import {
  findAccount,
  insertContact,
  saveContact as updateContactRow,
} from '../../db/repositories/accounts-repo.js';
import type { Contact } from '../../domain/account/account.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToAccount, denied, lockContact } from '../access/authorize.js';
import { type AppError, notFound } from '../app-error.js';
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
  };
}

export async function createContact(
  context: AppContext,
  actor: Actor,
  accountId: string,
  input: CreateContactInput,
): Promise<Result<Contact, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const account = await findAccount(trx, accountId);
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
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const contact = applyFields(blank, input);
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
