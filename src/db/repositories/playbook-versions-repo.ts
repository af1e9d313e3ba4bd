import { type Kysely, sql } from 'kysely';
import type { Playbook } from '../../domain/playbook/playbook.js';
import type { PlaybookMappings } from '../../domain/playbook/playbook-mappings.js';
import type { Database, JsonValue } from '../schema.js';

export interface PlaybookVersionSummary {
  dealsMoved: number;
  dealsReprobabilised: number;
  recordsRenamed: number;
  recordsRetired: number;
}

export interface PlaybookVersion {
  id: string;
  number: number;
  playbookId: string;
  contentHash: string;
  playbook: Playbook;
  mappings: PlaybookMappings | null;
  summary: PlaybookVersionSummary;
  loadedAt: Date;
  loadedBy: string;
}

type Row = Awaited<ReturnType<typeof selectVersions>>[number];

function selectVersions(db: Kysely<Database>) {
  return db.selectFrom('playbook_versions').selectAll().orderBy('number', 'desc').execute();
}

const toVersion = (row: Row): PlaybookVersion => ({
  id: row.id,
  number: row.number,
  playbookId: row.playbook_id,
  contentHash: row.content_hash,
  playbook: row.playbook as unknown as Playbook,
  mappings: row.mappings as PlaybookMappings | null,
  summary: row.summary as unknown as PlaybookVersionSummary,
  loadedAt: row.loaded_at,
  loadedBy: row.loaded_by,
});

/** Serialises loaders: two processes starting with two files take turns, the second judged against the first. */
export async function lockPlaybookVersions(trx: Kysely<Database>): Promise<void> {
  await sql`lock table playbook_versions in share row exclusive mode`.execute(trx);
}

/** The version in force: the highest number. */
export async function findLatestVersion(db: Kysely<Database>): Promise<PlaybookVersion | undefined> {
  const row = await db
    .selectFrom('playbook_versions')
    .selectAll()
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toVersion(row);
}

/** Every version, newest first, without the playbooks themselves (a history lists them). */
export async function listVersions(
  db: Kysely<Database>,
): Promise<Array<Omit<PlaybookVersion, 'playbook'> & { name: string }>> {
  const rows = await db
    .selectFrom('playbook_versions')
    .select([
      'id',
      'number',
      'playbook_id',
      'content_hash',
      'mappings',
      'summary',
      'loaded_at',
      'loaded_by',
      sql<string>`playbook->>'name'`.as('name'),
    ])
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    playbookId: row.playbook_id,
    name: row.name,
    contentHash: row.content_hash,
    mappings: row.mappings as PlaybookMappings | null,
    summary: row.summary as unknown as PlaybookVersionSummary,
    loadedAt: row.loaded_at,
    loadedBy: row.loaded_by,
  }));
}

export async function insertVersion(db: Kysely<Database>, version: PlaybookVersion): Promise<void> {
  await db
    .insertInto('playbook_versions')
    .values({
      id: version.id,
      number: version.number,
      playbook_id: version.playbookId,
      content_hash: version.contentHash,
      playbook: JSON.stringify(version.playbook as unknown as JsonValue),
      mappings: version.mappings ? JSON.stringify(version.mappings) : null,
      summary: JSON.stringify(version.summary),
      loaded_at: version.loadedAt,
      loaded_by: version.loadedBy,
    })
    .execute();
}
