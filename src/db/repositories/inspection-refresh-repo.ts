import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { type InspectionToStore, inspectionRow, VERDICT_COLUMNS } from './deal-inspections-repo.js';
import { insertJsonRows } from './json-rows.js';

/** A stored inspection due for a refresh: the deal and when its row was computed (the compare-and-set value). */
export interface StaleInspection {
  opportunityId: string;
  computedAt: Date;
}

/**
 * The next stored inspections due, oldest first, after `after` (the run's keyset: rows that could not be refreshed
 * are not read twice): computed before `asOf` or before their pipeline's expected durations were last computed
 * (they used the old ones), or under an older playbook version than `playbookVersion`.
 */
export async function listStaleInspections(
  db: Kysely<Database>,
  query: { asOf: Date; playbookVersion: number; after: StaleInspection | null; limit: number },
): Promise<StaleInspection[]> {
  const { after } = query;
  const asOf = query.asOf.toISOString();
  const rows = await db
    .selectFrom('deal_inspections as d')
    .leftJoin('pipeline_expectations as e', (join) =>
      join.onRef('e.pipeline', '=', 'd.pipeline').on('e.playbook_version', '=', query.playbookVersion),
    )
    .select(['d.opportunity_id', 'd.computed_at'])
    .where((where) =>
      where.or([
        where('d.computed_at', '<', sql<Date>`greatest(${asOf}::timestamptz, e.computed_at)`),
        where('d.playbook_version', '<', query.playbookVersion),
      ]),
    )
    .$if(after !== null, (select) =>
      select.where(
        sql<boolean>`(d.computed_at, d.opportunity_id) > (${after?.computedAt.toISOString()}::timestamptz, ${after?.opportunityId ?? ''})`,
      ),
    )
    .orderBy('d.computed_at')
    .orderBy('d.opportunity_id')
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({ opportunityId: row.opportunity_id, computedAt: new Date(row.computed_at) }));
}

/** The next open deals without a stored inspection (the backfill), by id after `afterId`. */
export async function listUninspectedOpenDeals(
  db: Kysely<Database>,
  query: { afterId: string | null; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('opportunities')
    .leftJoin('deal_inspections', 'deal_inspections.opportunity_id', 'opportunities.id')
    .select('opportunities.id')
    .where('opportunities.closed_at', 'is', null)
    .where('deal_inspections.opportunity_id', 'is', null)
    .$if(query.afterId !== null, (select) => select.where('opportunities.id', '>', query.afterId ?? ''))
    .orderBy('opportunities.id')
    .limit(query.limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Rewrites the verdicts of rows still as they were read (`computed_at` unchanged, compare-and-set): a use case
 * that stored a deal's inspection in between wins, as does a newer playbook version. Answers the ids rewritten.
 */
export async function refreshInspectionRows(
  db: Kysely<Database>,
  rows: readonly InspectionToStore[],
  read: readonly StaleInspection[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const was = read.map((row) => ({
    opportunity_id: row.opportunityId,
    computed_at: row.computedAt.toISOString(),
  }));
  const result = await sql<{ opportunity_id: string }>`
    update deal_inspections as d
    set ${sql.join(VERDICT_COLUMNS.map((column) => sql`${sql.ref(column)} = ${sql.ref(`r.${column}`)}`))}
    from json_populate_recordset(null::deal_inspections, ${JSON.stringify(rows.map(inspectionRow))}::text::json) as r,
      json_to_recordset(${JSON.stringify(was)}::text::json) as w(opportunity_id text, computed_at timestamptz)
    where d.opportunity_id = r.opportunity_id and w.opportunity_id = r.opportunity_id
      and d.computed_at = w.computed_at and r.playbook_version >= d.playbook_version
    returning d.opportunity_id`.execute(db);
  return result.rows.map((row) => row.opportunity_id);
}

/** Stores inspections of deals that have none; a row stored meanwhile (by a use case) is kept. Answers the count. */
export async function insertMissingInspections(
  db: Kysely<Database>,
  rows: readonly InspectionToStore[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await insertJsonRows(db, 'deal_inspections', rows.map(inspectionRow))
    .onConflict((conflict) => conflict.column('opportunity_id').doNothing())
    .returning('opportunity_id')
    .execute();
  return inserted.length;
}

/** When each pipeline's expected durations were computed under `playbookVersion`. */
export async function expectationTimes(
  db: Kysely<Database>,
  playbookVersion: number,
): Promise<Map<string, Date>> {
  const rows = await db
    .selectFrom('pipeline_expectations')
    .select(['pipeline', 'computed_at'])
    .where('playbook_version', '=', playbookVersion)
    .execute();
  return new Map(rows.map((row) => [row.pipeline, new Date(row.computed_at)]));
}

/** When every open deal's inspection was last complete under this playbook version (null: not yet). */
export async function findInspectionsCompleteAt(db: Kysely<Database>, number: number): Promise<Date | null> {
  const row = await db
    .selectFrom('playbook_versions')
    .select('inspections_complete_at')
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.inspections_complete_at ?? null;
}

export async function markInspectionsComplete(db: Kysely<Database>, number: number, at: Date): Promise<void> {
  await db
    .updateTable('playbook_versions')
    .set({ inspections_complete_at: at })
    .where('number', '=', number)
    .execute();
}
