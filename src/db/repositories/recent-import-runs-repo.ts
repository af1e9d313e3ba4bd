import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ImportRun } from './import-runs-repo.js';

/** A run without its errors: what a list of runs shows. */
export type ImportRunSummary = Omit<ImportRun, 'errors'>;

/** The latest runs, newest first (import_runs_started_idx). */
export async function listRecentImportRuns(db: Kysely<Database>, limit: number): Promise<ImportRunSummary[]> {
  const rows = await db
    .selectFrom('import_runs')
    .select([
      'id',
      'kind',
      'source',
      'mode',
      'status',
      'rows_total',
      'rows_done',
      'created_count',
      'updated_count',
      'rejected_count',
      'error_count',
      'started_at',
      'finished_at',
      'by_user',
    ])
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    source: row.source,
    mode: row.mode,
    status: row.status,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    created: row.created_count,
    updated: row.updated_count,
    rejected: row.rejected_count,
    errorCount: row.error_count,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    byUser: row.by_user,
  }));
}
