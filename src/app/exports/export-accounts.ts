import { listAccounts } from '../../db/repositories/accounts-repo.js';
import { listUsers } from '../../db/repositories/users-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { guardRow } from '../../domain/export/csv-cell.js';
import type { Actor, AppContext } from '../context.js';
import { type AccountExportQuery, EXPORT_PAGE } from './export-inputs.js';

export const ACCOUNT_COLUMNS = [
  'Id',
  'Name',
  'Website',
  'Segment',
  'Industry',
  'BillingCountryCode',
  'BillingStateCode',
  'BillingCity',
  'BillingPostalCode',
  'County',
  'OwnerEmail',
  'OwnerPinned',
  'SelfServeUsage',
  'CreatedAt',
] as const;

/** The accounts the caller may read under the filter, in name order, as guarded CSV rows, a page at a time. */
export async function* exportAccounts(
  context: AppContext,
  actor: Actor,
  filter: AccountExportQuery,
): AsyncGenerator<string[]> {
  const visibility = visibilityFor(actor.principal, 'account');
  const emails = new Map((await listUsers(context.db)).map((user) => [user.id, user.email]));
  let after: { name: string; id: string } | undefined;
  for (;;) {
    const page = await listAccounts(context.db, filter, visibility, {
      limit: EXPORT_PAGE,
      ...(after && { after }),
    });
    for (const account of page) {
      yield guardRow([
        account.id,
        account.name,
        account.domain,
        account.segment,
        account.industry,
        account.country,
        account.subdivision,
        account.city,
        account.postalCode,
        account.county,
        account.ownerId && emails.get(account.ownerId),
        account.ownerPinned,
        account.selfServeUsage,
        account.createdAt.toISOString(),
      ]);
    }
    const last = page.at(-1);
    if (!last || page.length < EXPORT_PAGE) return;
    after = { name: last.name, id: last.id };
  }
}
