import type { Kysely } from 'kysely';
import { insertAccount, saveAccount as updateAccountRow } from '../../db/repositories/accounts-repo.js';
import { moveDealOwners } from '../../db/repositories/territory-reassignment-repo.js';
import type { Database } from '../../db/schema.js';
import { rightsOf } from '../../domain/access/principal.js';
import type { Account } from '../../domain/account/account.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToAccount, checkOwnerChoice, lockAccount } from '../access/authorize.js';
import { type AppError, forbidden, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { diff, recordEvent } from '../shared/record-event.js';
import { activeTerritories } from '../territory/compiled-territories.js';
import { type CreateAccountInput, geographyIssues, type UpdateAccountInput } from './account-inputs.js';
import { checkCsmChoice } from './check-csm-choice.js';
import { pinnedAfterReassign } from './pin-reassigned-account.js';
import { rerouteMovedAccount } from './reroute-moved-account.js';
import { type NewAccountOwner, ownerOfRoutedAccount } from './route-new-account.js';

/** What routing reads of an account: a change to any of them routes it again. */
const PLACE_FIELDS = ['country', 'subdivision', 'postalCode', 'county', 'segment'] as const;

/** A person creating an account owns it unless they name someone else; the system owns nothing. */
const defaultOwner = (actor: Actor) => (actor.id.startsWith('system:') ? null : actor.id);

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
    county: pick('county'),
    ownerId: pick('ownerId'),
    csmId: pick('csmId'),
    awsAccountId: pick('awsAccountId'),
  };
}

/** With an active territory model, the AE it routes to; without one, the creator or whom they may name. */
async function ownerOfNewAccount(
  trx: Kysely<Database>,
  actor: Actor,
  input: CreateAccountInput,
): Promise<Result<NewAccountOwner, AppError>> {
  const active = await activeTerritories(trx);
  if (active) {
    const place = {
      country: input.country,
      subdivision: input.subdivision ?? null,
      postalCode: input.postalCode ?? null,
      county: input.county ?? null,
      segment: input.segment,
    };
    return ownerOfRoutedAccount(trx, actor, active, place, input.ownerId);
  }
  const ownerId = input.ownerId === undefined ? defaultOwner(actor) : input.ownerId;
  const ownerIssue =
    ownerId && (await checkOwnerChoice(trx, actor, ownerId, rightsOf(actor.principal).assignNewTo));
  return ownerIssue ? err(invalid([ownerIssue])) : ok({ ownerId, ownerPinned: false });
}

export async function createAccount(
  context: AppContext,
  actor: Actor,
  input: CreateAccountInput,
): Promise<Result<Account, AppError>> {
  const rights = rightsOf(actor.principal);
  if (!rights.createDeals) return err(forbidden('Your role does not create accounts.'));
  // Callers past the HTTP schema (seed, imports) get the same geography rules, before any SQL.
  const geography = geographyIssues(input.country, input.subdivision ?? null);
  if (geography.length > 0) return err(invalid(geography));
  if (input.csmId && rights.reassign.length === 0) {
    return err(forbidden('csmId: your role may not assign accounts to a CSM.'));
  }
  return context.db.transaction().execute(async (trx) => {
    const csmIssue = input.csmId && (await checkCsmChoice(trx, input.csmId));
    if (csmIssue) return err(invalid([csmIssue]));
    const owner = await ownerOfNewAccount(trx, actor, input);
    if (!owner.ok) return owner;
    const { ownerId, ownerPinned } = owner.value;
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
      county: null,
      ownerId: null,
      csmId: null,
      ownerPinned: false,
      selfServeUsage: false,
      awsAccountId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const account = { ...applyFields(blank, { ...input, ownerId }), ownerPinned };
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
    const locked = await lockAccount(trx, actor, id, expectedVersion);
    if (!locked.ok) return locked;
    const current = locked.value;
    if (input.ownerId !== undefined && input.ownerId !== current.ownerId) {
      if (!(await accessToAccount(trx, actor, current)).reassign) {
        return err(forbidden('ownerId: your role may not reassign this account.'));
      }
      const ownerIssue =
        input.ownerId &&
        (await checkOwnerChoice(trx, actor, input.ownerId, rightsOf(actor.principal).reassign));
      if (ownerIssue) return err(invalid([ownerIssue]));
    }
    if (input.csmId !== undefined && input.csmId !== current.csmId) {
      if (!(await accessToAccount(trx, actor, current)).reassign) {
        return err(forbidden("csmId: your role may not change this account's CSM."));
      }
      const csmIssue = input.csmId && (await checkCsmChoice(trx, input.csmId));
      if (csmIssue) return err(invalid([csmIssue]));
    }
    const fields = applyFields(current, input);
    const reassigned = fields.ownerId !== current.ownerId;
    const next = reassigned ? { ...fields, ownerPinned: await pinnedAfterReassign(trx, fields) } : fields;
    // A new country must still hold the kept subdivision (and a new subdivision lie in the kept country).
    // Only when the geography changes: an old value the dataset since dropped does not block other edits.
    if (input.country !== undefined || input.subdivision !== undefined) {
      const geography = geographyIssues(next.country, next.subdivision);
      if (geography.length > 0) return err(invalid(geography));
    }
    const moved = !reassigned && PLACE_FIELDS.some((field) => next[field] !== current[field]);
    const rerouted = moved ? await rerouteMovedAccount(trx, next) : ok({ account: next, dealMoves: [] });
    if (!rerouted.ok) return rerouted;
    const changes = diff(current, rerouted.value.account);
    if (Object.keys(changes.after).length === 0) return ok(current);
    const now = context.now();
    const saved = { ...rerouted.value.account, version: current.version + 1, updatedAt: now };
    await updateAccountRow(trx, saved);
    await recordEvent(trx, actor, now, {
      entityType: 'account',
      entityId: id,
      action: 'account.updated',
      ...changes,
    });
    const { dealMoves } = rerouted.value;
    const audit = { at: now, actorId: actor.id, requestId: actor.requestId ?? null };
    await moveDealOwners(
      trx,
      dealMoves.map((deal) => ({ id: deal.opportunityId, fromId: deal.fromId, toId: deal.toId })),
      audit,
    );
    return ok(saved);
  });
}
