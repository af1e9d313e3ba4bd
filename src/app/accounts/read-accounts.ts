import {
  findAccount,
  listContacts,
  listAccounts as selectAccounts,
} from '../../db/repositories/accounts-repo.js';
import { listOpportunities } from '../../db/repositories/opportunities-repo.js';
import type { Account, Contact } from '../../domain/account/account.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';
import type { AccountListQuery } from './account-inputs.js';

export interface AccountView {
  account: Account;
  contacts: Contact[];
  opportunities: Opportunity[];
}

const ACCOUNT_OPPORTUNITY_LIMIT = 200;

/** An account with its contacts and (up to 200 of) its deals. */
export async function getAccount(context: AppContext, id: string): Promise<Result<AccountView, AppError>> {
  const account = await findAccount(context.db, id);
  if (!account) return err(notFound('Account', id));
  const contacts = await listContacts(context.db, id);
  const opportunities = await listOpportunities(
    context.db,
    { accountId: id },
    { limit: ACCOUNT_OPPORTUNITY_LIMIT },
  );
  return ok({ account, contacts, opportunities });
}

export async function listAccounts(
  context: AppContext,
  query: AccountListQuery,
): Promise<Result<Page<Account>, AppError>> {
  const cursor = decodeCursor(query.cursor, 2);
  if (!cursor.ok) return err(cursor.error);
  const { limit, cursor: _cursor, ...filter } = query;
  const after = cursor.value && { name: String(cursor.value[0]), id: String(cursor.value[1]) };
  const rows = await selectAccounts(context.db, filter, { limit: limit + 1, ...(after && { after }) });
  return ok(toPage(rows, limit, (row) => [row.name, row.id]));
}
