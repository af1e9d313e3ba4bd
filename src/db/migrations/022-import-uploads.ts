import { type Kysely, sql } from 'kysely';

/**
 * Files uploaded for an import (issue 14: "files of 100k rows never held in memory whole"): the request's body
 * is streamed into `import_upload_chunks` (about 1 MB of text each, in order) and an import run streams them
 * back, so neither the upload nor the run holds a file whole — and any server process can run it. An upload
 * belongs to whoever sent it; a writing run deletes its uploads when it ends, housekeeping those left a day.
 */
const statements: readonly string[] = [
  `create table import_uploads (
    id text primary key,
    file text not null check (file in ('accounts','opportunities')),
    name text not null,
    status text not null check (status in ('receiving','ready')),
    bytes bigint not null default 0 check (bytes >= 0),
    lines integer not null default 0 check (lines >= 0),
    by_user text not null,
    created_at timestamptz not null
  )`,
  `create index import_uploads_created_idx on import_uploads (created_at)`,
  `create table import_upload_chunks (
    upload_id text not null references import_uploads (id) on delete cascade,
    seq integer not null check (seq >= 0),
    content text not null,
    primary key (upload_id, seq)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
