import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.js';
import { createPostgresPool } from './create-postgres-pool.js';

export interface OpenedPostgres {
  engine: 'postgres';
  db: Kysely<Database>;
  close(): Promise<void>;
}

function describeServer(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/** Connects to a PostgreSQL server and checks it answers before returning. */
export async function openPostgres(databaseUrl: string): Promise<OpenedPostgres> {
  const pool = createPostgresPool(databaseUrl);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot connect to PostgreSQL at ${describeServer(databaseUrl)}: ${reason}`, {
      cause: error,
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return { engine: 'postgres', db, close: () => (closing ??= db.destroy()) };
}
