import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ImportUploadFile } from '../schema-imports.js';

export interface ImportUpload {
  id: string;
  file: ImportUploadFile;
  name: string;
  status: 'receiving' | 'ready';
  bytes: number;
  lines: number;
  byUser: string;
  createdAt: Date;
}

export async function insertImportUpload(
  db: Kysely<Database>,
  upload: Pick<ImportUpload, 'id' | 'file' | 'name' | 'byUser' | 'createdAt'>,
): Promise<void> {
  await db
    .insertInto('import_uploads')
    .values({
      id: upload.id,
      file: upload.file,
      name: upload.name,
      status: 'receiving',
      by_user: upload.byUser,
      created_at: upload.createdAt,
    })
    .execute();
}

export async function insertImportUploadChunk(
  db: Kysely<Database>,
  uploadId: string,
  seq: number,
  content: string,
): Promise<void> {
  await db.insertInto('import_upload_chunks').values({ upload_id: uploadId, seq, content }).execute();
}

export async function markImportUploadReady(
  db: Kysely<Database>,
  id: string,
  totals: { bytes: number; lines: number },
): Promise<void> {
  await db
    .updateTable('import_uploads')
    .set({ status: 'ready', bytes: totals.bytes, lines: totals.lines })
    .where('id', '=', id)
    .execute();
}

export async function findImportUpload(db: Kysely<Database>, id: string): Promise<ImportUpload | null> {
  const row = await db.selectFrom('import_uploads').selectAll().where('id', '=', id).executeTakeFirst();
  return row
    ? {
        id: row.id,
        file: row.file,
        name: row.name,
        status: row.status,
        bytes: Number(row.bytes),
        lines: row.lines,
        byUser: row.by_user,
        createdAt: row.created_at,
      }
    : null;
}

/** The upload's text, a chunk at a time in order: never more than one chunk in memory. */
export async function* readImportUpload(db: Kysely<Database>, id: string): AsyncGenerator<string> {
  for (let seq = 0; ; seq += 1) {
    const chunk = await db
      .selectFrom('import_upload_chunks')
      .select('content')
      .where('upload_id', '=', id)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!chunk) return;
    yield chunk.content;
  }
}

/** Deletes uploads (their chunks go with them). */
export async function deleteImportUploads(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('import_uploads')
    .where('id', 'in', [...ids])
    .execute();
}

/** Deletes the uploads sent before `before` (left by runs never started, or dry runs). */
export async function deleteImportUploadsBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const deleted = await db.deleteFrom('import_uploads').where('created_at', '<', before).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
