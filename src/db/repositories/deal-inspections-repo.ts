import { type Kysely, sql } from 'kysely';
import type { ExpectedDurations } from '../../domain/inspection/expected-durations.js';
import type { StoredVerdict } from '../../domain/inspection/stored-verdict.js';
import type { Database } from '../schema.js';
import { insertJsonRows } from './json-rows.js';

/** One open deal's inspection to store: the deal's filter columns, the verdict and its whole answer. */
export interface InspectionToStore extends StoredVerdict {
  opportunityId: string;
  ownerId: string;
  createdBy: string | null;
  pipeline: string;
  forecastCategory: string;
  amountMinor: number;
  currency: string;
  closeDate: string;
  /** The inspection's reasons and evidence, as the API answers it (JSON). */
  detail: unknown;
  computedAt: Date;
  playbookVersion: number;
}

const BATCH = 2000;

/**
 * Writes each deal's inspection, replacing the one stored — unless the stored one was computed under a newer
 * playbook version (a process still running the old playbook never overwrites the new verdict).
 */
export async function upsertInspections(
  db: Kysely<Database>,
  rows: readonly InspectionToStore[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map(inspectionRow);
    await insertJsonRows(db, 'deal_inspections', batch)
      .onConflict((conflict) =>
        conflict
          .column('opportunity_id')
          .doUpdateSet(excludedColumns)
          .where(sql<boolean>`excluded.playbook_version >= deal_inspections.playbook_version`),
      )
      .execute();
  }
}

/** The verdict's columns: what a refresh rewrites (the copied deal columns are the trigger's). */
export const VERDICT_COLUMNS = [
  'health_score',
  'health_band',
  'indicator_mask',
  'velocity_class',
  'velocity_rank',
  'days_in_stage',
  'expected_days',
  'meddpicc_score',
  'at_risk',
  'detail',
  'computed_at',
  'playbook_version',
] as const;
/** A use case's upsert writes the deal's copied columns too (they may have changed in its transaction). */
const UPDATED = [
  'owner_id',
  'created_by',
  'pipeline',
  'forecast_category',
  'amount_minor',
  'currency',
  'close_date',
  ...VERDICT_COLUMNS,
] as const;
const excludedColumns = Object.fromEntries(
  UPDATED.map((column) => [column, sql.ref(`excluded.${column}`)]),
) as never;

/** The table row of an inspection to store. */
export function inspectionRow(row: InspectionToStore) {
  return {
    opportunity_id: row.opportunityId,
    owner_id: row.ownerId,
    created_by: row.createdBy,
    pipeline: row.pipeline,
    forecast_category: row.forecastCategory,
    amount_minor: row.amountMinor,
    currency: row.currency,
    close_date: row.closeDate,
    health_score: row.healthScore,
    health_band: row.healthBand,
    indicator_mask: row.indicatorMask,
    velocity_class: row.velocityClass,
    velocity_rank: row.velocityRank,
    days_in_stage: row.daysInStage,
    expected_days: row.expectedDays,
    meddpicc_score: row.meddpiccScore,
    at_risk: row.atRisk,
    detail: row.detail,
    computed_at: row.computedAt.toISOString(),
    playbook_version: row.playbookVersion,
  };
}

/** Removes the stored inspections of these deals (they are closed: only open deals are inspected). */
export async function deleteInspections(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('deal_inspections')
    .where('opportunity_id', 'in', [...ids])
    .execute();
}

/** The stored expected durations of these pipelines computed under `playbookVersion` (others are stale). */
export async function readExpectations(
  db: Kysely<Database>,
  pipelines: readonly string[],
  playbookVersion: number,
): Promise<Map<string, ExpectedDurations>> {
  const found = new Map<string, ExpectedDurations>();
  if (pipelines.length === 0) return found;
  const rows = await db
    .selectFrom('pipeline_expectations')
    .select(['pipeline', 'source', 'closed_deals', 'days'])
    .where('pipeline', 'in', [...pipelines])
    .where('playbook_version', '=', playbookVersion)
    .execute();
  for (const row of rows) {
    found.set(row.pipeline, {
      source: row.source as ExpectedDurations['source'],
      closedDeals: row.closed_deals,
      days: row.days as ExpectedDurations['days'],
    });
  }
  return found;
}

/** Keeps a pipeline's expected durations (replacing what was kept). */
export async function saveExpectations(
  db: Kysely<Database>,
  pipeline: string,
  expected: ExpectedDurations,
  at: Date,
  playbookVersion: number,
): Promise<void> {
  const row = {
    pipeline,
    source: expected.source,
    closed_deals: expected.closedDeals,
    days: JSON.stringify(expected.days),
    computed_at: at,
    playbook_version: playbookVersion,
  };
  await db
    .insertInto('pipeline_expectations')
    .values(row)
    .onConflict((conflict) => conflict.column('pipeline').doUpdateSet({ ...row, pipeline: undefined }))
    .execute();
}
