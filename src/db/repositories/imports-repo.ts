import { type Kysely, sql } from 'kysely';
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

/**
 * Writes imported accounts in one statement (the rows as one JSON parameter): new ones inserted, those already imported under the same
 * external id updated in place (their id, creation and pin kept; version bumped).
 */
export async function upsertImportedAccounts(
  db: Kysely<Database>,
  source: string,
  accounts: ReadonlyArray<{ account: Account; externalId: string }>,
): Promise<void> {
  if (accounts.length === 0) return;
  await insertJsonRows(
    db,
    'accounts',
    accounts.map(({ account, externalId }) => ({
      ...accountRow(account),
      external_source: source,
      external_id: externalId,
    })),
  )
    .onConflict((conflict) =>
      conflict
        .columns(['external_source', 'external_id'])
        .where('external_id', 'is not', null)
        .doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          domain: eb.ref('excluded.domain'),
          industry: eb.ref('excluded.industry'),
          country: eb.ref('excluded.country'),
          subdivision: eb.ref('excluded.subdivision'),
          city: eb.ref('excluded.city'),
          postal_code: eb.ref('excluded.postal_code'),
          owner_id: eb.ref('excluded.owner_id'),
          version: sql<number>`accounts.version + 1`,
          updated_at: eb.ref('excluded.updated_at'),
        })),
    )
    .execute();
}

/** Writes imported deals in one statement, like upsertImportedAccounts (a stage kept keeps its entry). */
export async function upsertImportedOpportunities(
  db: Kysely<Database>,
  source: string,
  deals: ReadonlyArray<{ opportunity: Opportunity; externalId: string }>,
): Promise<void> {
  if (deals.length === 0) return;
  await insertJsonRows(
    db,
    'opportunities',
    deals.map(({ opportunity, externalId }) => ({
      ...opportunityRow(opportunity),
      external_source: source,
      external_id: externalId,
    })),
  )
    .onConflict((conflict) =>
      conflict
        .columns(['external_source', 'external_id'])
        .where('external_id', 'is not', null)
        .doUpdateSet((eb) => ({
          account_id: eb.ref('excluded.account_id'),
          name: eb.ref('excluded.name'),
          type: eb.ref('excluded.type'),
          pipeline: eb.ref('excluded.pipeline'),
          stage: eb.ref('excluded.stage'),
          probability: eb.ref('excluded.probability'),
          forecast_category: eb.ref('excluded.forecast_category'),
          amount_minor: eb.ref('excluded.amount_minor'),
          currency: eb.ref('excluded.currency'),
          close_date: eb.ref('excluded.close_date'),
          owner_id: eb.ref('excluded.owner_id'),
          source: eb.ref('excluded.source'),
          next_step: eb.ref('excluded.next_step'),
          description: eb.ref('excluded.description'),
          loss_reason: eb.ref('excluded.loss_reason'),
          stage_entered_at: sql<Date>`case when opportunities.stage = excluded.stage then opportunities.stage_entered_at else excluded.stage_entered_at end`,
          closed_at: sql<Date | null>`case when opportunities.stage = excluded.stage then opportunities.closed_at else excluded.closed_at end`,
          version: sql<number>`opportunities.version + 1`,
          updated_at: eb.ref('excluded.updated_at'),
        })),
    )
    .execute();
}
