import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { type ImportRunSummary, toRunSummary } from './import-runs-repo.js';

export type { ImportRunSummary };

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
  return rows.map(toRunSummary);
}
