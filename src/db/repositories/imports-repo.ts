import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Account } from '../../domain/account/account.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import type { Database } from '../schema.js';
import { accountRow } from './accounts-repo.js';
import { insertJsonRows } from './json-rows.js';
import { opportunityRow } from './opportunities-repo.js';

/** What an import needs of a record already brought in from the same system under the same id. */
export interface ImportedRecord {
  id: string;
  ownerId: string | null;
  stage: string | null;
  version: number;
}

async function byExternalIds(
  db: Kysely<Database>,
  table: 'accounts' | 'opportunities',
  source: string,
  externalIds: readonly string[],
): Promise<Map<string, ImportedRecord>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'external_id', 'owner_id', 'version'])
    .select(table === 'opportunities' ? sql<string>`stage`.as('stage') : sql<null>`null`.as('stage'))
    .where('external_source', '=', source)
    .where('external_id', 'in', [...new Set(externalIds)])
    .execute();
  return new Map(
    rows.map((row) => [
      row.external_id as string,
      { id: row.id, ownerId: row.owner_id, stage: row.stage, version: row.version },
    ]),
  );
}

export const findAccountsByExternalIds = (db: Kysely<Database>, source: string, ids: readonly string[]) =>
  byExternalIds(db, 'accounts', source, ids);

export const findOpportunitiesByExternalIds = (
  db: Kysely<Database>,
  source: string,
  ids: readonly string[],
) => byExternalIds(db, 'opportunities', source, ids);

/** The columns a re-import takes from the file; the rest (id, creation, pins) stay as they were. */
const ACCOUNT_UPDATES = [
  'name',
  'domain',
  'industry',
  'country',
  'subdivision',
  'city',
  'postal_code',
  'owner_id',
  'updated_at',
] as const;
const OPPORTUNITY_UPDATES = [
  'account_id',
  'name',
  'type',
  'pipeline',
  'stage',
  'probability',
  'forecast_category',
  'amount_minor',
  'currency',
  'close_date',
  'owner_id',
  'source',
  'next_step',
  'description',
  'loss_reason',
  'updated_at',
] as const;

/**
 * Writes imported rows in one statement (the rows as one JSON parameter): new ones inserted, those already
 * imported under the same external id updated in place — `columns` from the file, `also` as given, the
 * version bumped.
 */
async function upsertImported(
  db: Kysely<Database>,
  table: 'accounts' | 'opportunities',
  rows: ReadonlyArray<Record<string, unknown>>,
  columns: readonly string[],
  also: Record<string, RawBuilder<unknown>> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const fromFile = Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)]));
  await insertJsonRows(db, table, rows)
    .onConflict((conflict) =>
      conflict
        .columns(['external_source', 'external_id'])
        .where('external_id', 'is not', null)
        .doUpdateSet({
          ...fromFile,
          ...also,
          version: sql`${sql.ref(`${table}.version`)} + 1`,
        } as never),
    )
    .execute();
}

/** Imported accounts, new or updated by external id (their id, creation and pin kept). */
export function upsertImportedAccounts(
  db: Kysely<Database>,
  source: string,
  accounts: ReadonlyArray<{ account: Account; externalId: string }>,
): Promise<void> {
  const rows = accounts.map(({ account, externalId }) => ({
    ...accountRow(account),
    external_source: source,
    external_id: externalId,
  }));
  return upsertImported(db, 'accounts', rows, ACCOUNT_UPDATES);
}

/** Imported deals, new or updated by external id; a stage kept keeps its entry (and close) time. */
export function upsertImportedOpportunities(
  db: Kysely<Database>,
  source: string,
  deals: ReadonlyArray<{ opportunity: Opportunity; externalId: string }>,
): Promise<void> {
  const rows = deals.map(({ opportunity, externalId }) => ({
    ...opportunityRow(opportunity),
    external_source: source,
    external_id: externalId,
  }));
  return upsertImported(db, 'opportunities', rows, OPPORTUNITY_UPDATES, {
    stage_entered_at: sql`case when opportunities.stage = excluded.stage then opportunities.stage_entered_at else excluded.stage_entered_at end`,
    closed_at: sql`case when opportunities.stage = excluded.stage then opportunities.closed_at else excluded.closed_at end`,
  });
}
