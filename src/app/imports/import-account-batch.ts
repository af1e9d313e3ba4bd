import { appendEvents, type NewEvent } from '../../db/repositories/events-repo.js';
import { findAccountsByExternalIds, upsertImportedAccounts } from '../../db/repositories/imports-repo.js';
import type { Account } from '../../domain/account/account.js';
import type { FieldProblem } from '../../domain/imports/row-values.js';
import { mapSalesforceAccount } from '../../domain/imports/salesforce-account-row.js';
import { routeAccount } from '../../domain/territory/route-account.js';
import type { NumberedRow } from './csv-batches.js';
import { type ImportDb, type ImportScope, ownerByEmail } from './import-scope.js';

const FILE = 'Account.csv';

type Owner = { ownerId: string | null; ownerPinned: boolean };

/** The owner of an imported account: the one the file names, else the AE the active territory model routes to. */
function ownerOf(
  scope: ImportScope,
  mapped: { ownerEmail: string | null } & Parameters<typeof routeAccount>[1],
) {
  const named = mapped.ownerEmail ? ownerByEmail(scope, mapped.ownerEmail, 'OwnerId') : null;
  if (named && 'field' in named) return named;
  if (!scope.territories) return { ownerId: named?.id ?? null, ownerPinned: false };
  const routing = routeAccount(scope.territories.compiled, mapped);
  if (!routing.ok) {
    if (named) return { ownerId: named.id, ownerPinned: true };
    const field = routing.reason === 'needs_subdivision' ? 'BillingState' : 'BillingCountry';
    return { field, message: `no owner named, and the territory model cannot route it: ${routing.because}` };
  }
  const ae = scope.usersByEmail.get(routing.ae.toLowerCase());
  if (named) return { ownerId: named.id, ownerPinned: named.id !== ae?.id };
  if (!ae?.active) {
    return {
      field: 'OwnerId',
      message: `${routing.territoryName}'s AE, ${routing.ae}, is not an active user: name the owner`,
    };
  }
  return { ownerId: ae.id, ownerPinned: false };
}

/** Judges a batch of Account.csv rows and (unless a dry run) writes the good ones with their audit events. */
export async function importAccountBatch(
  scope: ImportScope,
  db: ImportDb,
  batch: NumberedRow[],
): Promise<void> {
  const good: Array<{ line: number; account: Omit<Account, 'id' | 'version'>; externalId: string }> = [];
  for (const { line, row } of batch) {
    const mapped = mapSalesforceAccount(row, scope.mapping);
    if (!mapped.ok) {
      scope.tally.reject(FILE, line, mapped.error);
      continue;
    }
    const place = { ...mapped.value, county: null };
    const owner: Owner | FieldProblem = ownerOf(scope, place);
    if ('field' in owner) {
      scope.tally.reject(FILE, line, [owner]);
      continue;
    }
    const { externalId, ownerEmail: _email, ...fields } = mapped.value;
    const account = {
      ...fields,
      county: null,
      csmId: null,
      ...owner,
      selfServeUsage: false,
      awsAccountId: null,
      createdAt: scope.now,
      updatedAt: scope.now,
    };
    good.push({ line, account, externalId });
  }
  const existing = await findAccountsByExternalIds(
    db,
    scope.mapping.source,
    good.map((entry) => entry.externalId),
  );
  const rows = good.map(({ account, externalId }) => {
    const before = existing.get(externalId);
    const id = before?.id ?? scope.accounts.get(externalId)?.id ?? scope.context.newId('acc');
    scope.accounts.set(externalId, { id, ownerId: account.ownerId });
    return {
      account: { ...account, id, version: (before?.version ?? 0) + 1 },
      externalId,
      updated: !!before,
    };
  });
  if (!scope.write) return countRows(scope, rows);
  await upsertImportedAccounts(db, scope.mapping.source, rows);
  await appendEvents(
    db,
    rows.map((row) => accountEvent(scope, row)),
  );
  countRows(scope, rows);
}

function countRows(scope: ImportScope, rows: ReadonlyArray<{ updated: boolean }>) {
  for (const row of rows) row.updated ? scope.tally.updated++ : scope.tally.created++;
}

function accountEvent(
  scope: ImportScope,
  row: { account: Account; externalId: string; updated: boolean },
): NewEvent {
  const { account } = row;
  return {
    occurredAt: scope.now,
    actorId: scope.actor.id,
    requestId: scope.actor.requestId ?? null,
    entityType: 'account',
    entityId: account.id,
    opportunityId: null,
    action: 'account.imported',
    before: null,
    after: {
      source: scope.mapping.source,
      externalId: row.externalId,
      updated: row.updated,
      name: account.name,
      country: account.country,
      subdivision: account.subdivision,
      ownerId: account.ownerId,
    },
    gate: null,
  };
}
