import {
  findAccount,
  insertAccount,
  saveAccount as updateAccountRow,
} from '../../db/repositories/accounts-repo.js';
import { userExists } from '../../db/repositories/users-repo.js';
import type { Account } from '../../domain/account/account.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { lockForWrite } from '../shared/lock-for-write.js';
import { diff, recordEvent } from '../shared/record-event.js';
import type { CreateAccountInput, UpdateAccountInput } from './account-inputs.js';

function applyFields(account: Account, input: UpdateAccountInput): Account {
  const pick = <K extends keyof UpdateAccountInput & keyof Account>(key: K) =>
    (input[key] === undefined ? account[key] : (input[key] ?? null)) as Account[K];
  return {
    ...account,
    name: input.name ?? account.name,
    segment: input.segment ?? account.segment,
    country: input.country ?? account.country,
    selfServeUsage: input.selfServeUsage ?? account.selfServeUsage,
    domain: pick('domain'),
    industry: pick('industry'),
    subdivision: pick('subdivision'),
    city: pick('city'),
    postalCode: pick('postalCode'),
    ownerId: pick('ownerId'),
  };
}

export async function createAccount(
  context: AppContext,
  actor: Actor,
  input: CreateAccountInput,
): Promise<Result<Account, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    if (input.ownerId && !(await userExists(trx, input.ownerId))) {
      return err(invalid([{ path: 'ownerId', message: 'no such user' }]));
    }
    const now = context.now();
    const blank: Account = {
      id: context.newId('acc'),
      name: input.name,
      segment: input.segment,
      country: input.country,
      domain: null,
      industry: null,
      subdivision: null,
      city: null,
      postalCode: null,
      ownerId: null,
      selfServeUsage: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const account = applyFields(blank, input);
    await insertAccount(trx, account);
    await recordEvent(trx, actor, now, {
      entityType: 'account',
      entityId: account.id,
      action: 'account.created',
      after: account,
    });
    return ok(account);
  });
}

export async function updateAccount(
  context: AppContext,
  actor: Actor,
  id: string,
  input: UpdateAccountInput,
  expectedVersion?: number,
): Promise<Result<Account, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockForWrite(
      () => findAccount(trx, id, { lock: true }),
      'Account',
      id,
      expectedVersion,
    );
    if (!locked.ok) return locked;
    const current = locked.value;
    if (input.ownerId && !(await userExists(trx, input.ownerId))) {
      return err(invalid([{ path: 'ownerId', message: 'no such user' }]));
    }
    const next = applyFields(current, input);
    if (next.subdivision && !next.subdivision.startsWith(`${next.country}-`)) {
      return err(invalid([{ path: 'subdivision', message: 'must be a subdivision of the account country' }]));
    }
    const changes = diff(current, next);
    if (Object.keys(changes.after).length === 0) return ok(current);
    const now = context.now();
    const saved = { ...next, version: current.version + 1, updatedAt: now };
    await updateAccountRow(trx, saved);
    await recordEvent(trx, actor, now, {
      entityType: 'account',
      entityId: id,
      action: 'account.updated',
      ...changes,
    });
    return ok(saved);
  });
}
