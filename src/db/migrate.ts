import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index.js';

export interface MigrationReport {
  /** Names of the migrations this call ran, in order; empty when the schema was already current. */
  executed: string[];
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string | undefined,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`database migration ${migration ?? '(setup)'} failed: ${reason}`, options);
    this.name = 'MigrationFailedError';
  }
}

function createMigrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
}

function reportOf({ error, results = [] }: MigrationResultSet): MigrationReport {
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationFailedError(failed?.migrationName, { cause: error });
  }
  return { executed: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Brings the schema to the latest migration, in one transaction; a failure rolls it all back and throws. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationReport> {
  return reportOf(await createMigrator(db).migrateToLatest());
}

/** Names of the known migrations not yet applied. */
export async function listPendingMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const infos = await createMigrator(db).getMigrations();
  return infos.filter((info) => info.executedAt === undefined).map((info) => info.name);
}
