import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { ImportMode, ImportStatus } from '../schema-imports.js';

/** One row's problem, by file and line (the header is line 1). */
export interface ImportError {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface ImportRun {
  id: string;
  kind: string;
  source: string;
  mode: ImportMode;
  status: ImportStatus;
  rowsTotal: number;
  rowsDone: number;
  created: number;
  updated: number;
  rejected: number;
  errorCount: number;
  /** The first errors (capped); errorCount says how many there were. */
  errors: ImportError[];
  startedAt: Date;
  finishedAt: Date | null;
  byUser: string;
}

/** A run without its errors: what a list of runs shows. */
export type ImportRunSummary = Omit<ImportRun, 'errors'>;

/** A run's row as the run, errors aside (a list reads every column but them). */
export function toRunSummary(row: Omit<Selectable<Database['import_runs']>, 'errors'>): ImportRunSummary {
  return {
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
  };
}

function toRun(row: Selectable<Database['import_runs']>): ImportRun {
  return { ...toRunSummary(row), errors: row.errors as ImportError[] };
}

export async function insertImportRun(
  db: Kysely<Database>,
  run: Pick<ImportRun, 'id' | 'kind' | 'source' | 'mode' | 'status' | 'rowsTotal' | 'startedAt' | 'byUser'>,
): Promise<void> {
  await db
    .insertInto('import_runs')
    .values({
      id: run.id,
      kind: run.kind,
      source: run.source,
      mode: run.mode,
      status: run.status,
      rows_total: run.rowsTotal,
      started_at: run.startedAt,
      by_user: run.byUser,
    })
    .execute();
}

/** The run's progress and outcome so far (the caller caps `errors`). */
export async function updateImportRun(
  db: Kysely<Database>,
  id: string,
  state: Pick<
    ImportRun,
    'status' | 'rowsDone' | 'created' | 'updated' | 'rejected' | 'errorCount' | 'errors'
  > & {
    rowsTotal?: number;
    finishedAt?: Date | null;
  },
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({
      status: state.status,
      rows_done: state.rowsDone,
      created_count: state.created,
      updated_count: state.updated,
      rejected_count: state.rejected,
      error_count: state.errorCount,
      errors: JSON.stringify(state.errors),
      ...(state.rowsTotal === undefined ? {} : { rows_total: state.rowsTotal }),
      ...(state.finishedAt === undefined ? {} : { finished_at: state.finishedAt }),
    })
    .where('id', '=', id)
    .execute();
}

export async function findImportRun(db: Kysely<Database>, id: string): Promise<ImportRun | undefined> {
  const row = await db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRun(row);
}
