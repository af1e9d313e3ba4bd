import { listContacts, listAccounts as selectAccounts } from '../../db/repositories/accounts-repo.js';
import { listContractsOfAccount } from '../../db/repositories/contracts-repo.js';
import { listOpportunities } from '../../db/repositories/opportunities-repo.js';
import type { AccountPermissions } from '../../domain/access/permissions.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import type { Account, Contact } from '../../domain/account/account.js';
import { type CustomerStanding, describeCustomer } from '../../domain/account/customer-class.js';
import { judgeTypeFit } from '../../domain/account/type-fit.js';
import { dayOf } from '../../domain/contract/contract.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { routeAccount } from '../../domain/territory/route-account.js';
import type { Routing } from '../../domain/territory/territory-model.js';
import { permissionsOnAccount, readableAccount } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';
import { activeTerritories } from '../territory/compiled-territories.js';
import type { AccountListQuery } from './account-inputs.js';

export interface AccountView {
  account: Account;
  /** The account's class today (from its contracts and self-serve usage) with the playbook's focus for it. */
  customer: CustomerStanding;
  contacts: Contact[];
  opportunities: Opportunity[];
  /** Every deal type of the playbook, whether it suits this account today, and why (the New deal form's list). */
  dealTypes: Array<{ key: string; name: string; fits: boolean; message: string }>;
  /** What the caller may do with the account, and who may what they may not. */
  permissions: AccountPermissions;
  /** How the active territory model routes the account (territory, AE, RVP, the rule and why); null: none active. */
  territory: Routing | null;
}

/** How the active territory model routes an account today, if one is active. */
async function territoryOf(db: AppContext['db'], account: Account): Promise<Routing | null> {
  const active = await activeTerritories(db);
  if (!active) return null;
  const { country, subdivision, postalCode, county, segment } = account;
  return routeAccount(active.compiled, { country, subdivision, postalCode, county, segment });
}

const ACCOUNT_OPPORTUNITY_LIMIT = 200;

/** An account with its contacts and (up to 200 of) the deals on it the actor may see. */
export async function getAccount(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<AccountView, AppError>> {
  const readable = await readableAccount(context.db, actor, id);
  if (!readable.ok) return readable;
  const contacts = await listContacts(context.db, id);
  const contracts = await listContractsOfAccount(context.db, id);
  const today = dayOf(context.now());
  const customer = describeCustomer(context.playbook, readable.value, contracts, today);
  const record = { selfServeUsage: readable.value.selfServeUsage, contracts };
  const dealTypes = context.playbook.opportunityTypes.map((type) => {
    const fit = judgeTypeFit(context.playbook, type.key, record, today);
    return { key: type.key, name: type.name, fits: fit.fits, message: fit.message };
  });
  const visibility = visibilityFor(actor.principal, 'opportunity');
  const opportunities = await listOpportunities(context.db, { accountId: id }, visibility, {
    limit: ACCOUNT_OPPORTUNITY_LIMIT,
  });
  const permissions = await permissionsOnAccount(context.db, actor, readable.value);
  const territory = await territoryOf(context.db, readable.value);
  return ok({
    account: readable.value,
    customer,
    contacts,
    opportunities,
    dealTypes,
    permissions,
    territory,
  });
}

export async function listAccounts(
  context: AppContext,
  actor: Actor,
  query: AccountListQuery,
): Promise<Result<Page<Account>, AppError>> {
  const cursor = decodeCursor(query.cursor, ['text', 'text']);
  if (!cursor.ok) return err(cursor.error);
  const { limit, cursor: _cursor, ...filter } = query;
  const after = cursor.value && { name: String(cursor.value[0]), id: String(cursor.value[1]) };
  const visibility = visibilityFor(actor.principal, 'account');
  const rows = await selectAccounts(context.db, filter, visibility, {
    limit: limit + 1,
    ...(after && { after }),
  });
  return ok(toPage(rows, limit, (row) => [row.name, row.id]));
}
