import { type OpenedPglite, openPglite } from './pglite/open-pglite.js';
import { type OpenedPostgres, openPostgres } from './postgres/open-postgres.js';

export type DatabaseEngine = 'pglite' | 'postgres';

/** An open database: `db` for queries, `close()` to release it (and the PGlite data directory lock). */
export type OpenedDatabase = OpenedPglite | OpenedPostgres;

export interface OpenDatabaseOptions {
  /** `postgres://…` or `postgresql://…`: use that server. Otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite's data directory; absent = in-memory. Ignored with `databaseUrl`. */
  dataDir?: string;
}

function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** Opens the configured engine: a PostgreSQL server when given a URL, else embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const { databaseUrl, dataDir } = options;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    if (!isPostgresUrl(databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    return openPostgres(databaseUrl);
  }
  return openPglite(dataDir === undefined ? {} : { dataDir });
}
