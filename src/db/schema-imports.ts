import type { Generated } from 'kysely';

export type ImportMode = 'dry_run' | 'all_or_nothing' | 'good_rows_only';
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** One import (migration 019): counts, progress and the first errors by line (capped). */
export interface ImportRunsTable {
  id: string;
  kind: string;
  source: string;
  mode: ImportMode;
  status: ImportStatus;
  rows_total: Generated<number>;
  rows_done: Generated<number>;
  created_count: Generated<number>;
  updated_count: Generated<number>;
  rejected_count: Generated<number>;
  error_count: Generated<number>;
  /** jsonb array of { file, line, field, message }; written as JSON text. */
  errors: Generated<unknown>;
  started_at: Date;
  finished_at: Date | null;
  by_user: string;
}

export type ImportUploadFile = 'accounts' | 'opportunities';

/** A file uploaded for an import, streamed in as chunks (migration 022). */
export interface ImportUploadsTable {
  id: string;
  file: ImportUploadFile;
  name: string;
  status: 'receiving' | 'ready';
  bytes: Generated<number>;
  lines: Generated<number>;
  by_user: string;
  created_at: Date;
}

export interface ImportUploadChunksTable {
  upload_id: string;
  seq: number;
  content: string;
}
