import { type Kysely, type Selectable, sql } from 'kysely';
import type { TerritoryModel } from '../../domain/territory/territory-model.js';
import type { Database, JsonValue, TerritoryModelStatus } from '../schema.js';

/** One version of the territory model, as stored. */
export interface TerritoryModelVersion {
  id: string;
  version: number;
  name: string;
  status: TerritoryModelStatus;
  model: TerritoryModel;
  source: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  activatedAt: Date | null;
  activatedBy: string | null;
  archivedAt: Date | null;
  rowVersion: number;
}

export type TerritoryModelHeader = Omit<TerritoryModelVersion, 'model' | 'source'>;

const HEADER_COLUMNS = [
  'id',
  'version',
  'name',
  'status',
  'created_by',
  'created_at',
  'updated_at',
  'activated_at',
  'activated_by',
  'archived_at',
  'row_version',
] as const;

type HeaderRow = Pick<Selectable<Database['territory_models']>, (typeof HEADER_COLUMNS)[number]>;

const toHeader = (row: HeaderRow): TerritoryModelHeader => ({
  id: row.id,
  version: row.version,
  name: row.name,
  status: row.status,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  activatedAt: row.activated_at,
  activatedBy: row.activated_by,
  archivedAt: row.archived_at,
  rowVersion: row.row_version,
});

const toVersion = (row: Selectable<Database['territory_models']>): TerritoryModelVersion => ({
  ...toHeader(row),
  model: row.model as unknown as TerritoryModel,
  source: row.source,
});

/** Serialises the writers of versions: numbers are drawn, and one version activated, one at a time. */
export async function lockTerritoryModels(trx: Kysely<Database>): Promise<void> {
  await sql`lock table territory_models in share row exclusive mode`.execute(trx);
}

export async function nextTerritoryModelNumber(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('territory_models')
    .select((eb) => eb.fn.max('version').as('latest'))
    .executeTakeFirst();
  return Number(row?.latest ?? 0) + 1;
}

export async function insertTerritoryModel(
  db: Kysely<Database>,
  version: TerritoryModelVersion,
): Promise<void> {
  await db
    .insertInto('territory_models')
    .values({
      id: version.id,
      version: version.version,
      name: version.name,
      status: version.status,
      model: JSON.stringify(version.model as unknown as JsonValue),
      source: version.source,
      created_by: version.createdBy,
      created_at: version.createdAt,
      updated_at: version.updatedAt,
      activated_at: version.activatedAt,
      activated_by: version.activatedBy,
      archived_at: version.archivedAt,
      row_version: version.rowVersion,
    })
    .execute();
}

export async function findTerritoryModel(
  db: Kysely<Database>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TerritoryModelVersion | undefined> {
  const query = db.selectFrom('territory_models').selectAll().where('id', '=', id);
  const row = await (options.lock ? query.forUpdate() : query).executeTakeFirst();
  return row && toVersion(row);
}

/** Every version without its model, newest first. */
export async function listTerritoryModels(db: Kysely<Database>): Promise<TerritoryModelHeader[]> {
  const rows = await db
    .selectFrom('territory_models')
    .select([...HEADER_COLUMNS])
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toHeader);
}

/** Which version is active (id and row version only: the compiled-model cache decides whether to load it). */
export async function findActiveTerritoryModelRef(
  db: Kysely<Database>,
): Promise<{ id: string; rowVersion: number } | undefined> {
  const row = await db
    .selectFrom('territory_models')
    .select(['id', 'row_version'])
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row && { id: row.id, rowVersion: row.row_version };
}

/** A draft's new model (and name), bumping its row version. */
export async function saveTerritoryDraft(
  db: Kysely<Database>,
  id: string,
  model: TerritoryModel,
  at: Date,
): Promise<void> {
  await db
    .updateTable('territory_models')
    .set({
      model: JSON.stringify(model as unknown as JsonValue),
      name: model.name,
      source: null,
      updated_at: at,
      row_version: sql`row_version + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

/** Archives the active version, if any; returns its id. */
export async function archiveActiveTerritoryModel(
  db: Kysely<Database>,
  at: Date,
): Promise<string | undefined> {
  const row = await db
    .updateTable('territory_models')
    .set({ status: 'archived', archived_at: at, updated_at: at, row_version: sql`row_version + 1` })
    .where('status', '=', 'active')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function markTerritoryModelActive(
  db: Kysely<Database>,
  id: string,
  at: Date,
  by: string,
): Promise<void> {
  await db
    .updateTable('territory_models')
    .set({
      status: 'active',
      activated_at: at,
      activated_by: by,
      updated_at: at,
      row_version: sql`row_version + 1`,
    })
    .where('id', '=', id)
    .execute();
}
