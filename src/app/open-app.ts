import { randomBytes } from 'node:crypto';
import { migrateToLatest } from '../db/migrate.js';
import { type OpenedDatabase, openDatabase } from '../db/open-database.js';
import type { AppContext } from './context.js';
import { loadPlaybook } from './playbook/load-playbook.js';

export interface AppConfig {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  playbookFile?: string | undefined;
}

export interface OpenApp {
  context: AppContext;
  engine: 'pglite' | 'postgres';
  /** The database itself, for what only an engine offers (PGlite: running the demo seed in its worker). */
  database: OpenedDatabase;
  close: () => Promise<void>;
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;

/** Loads the playbook, opens and migrates the database, and wires the context every use case gets. */
export async function openApp(config: AppConfig): Promise<OpenApp> {
  const playbook = await loadPlaybook(config.playbookFile);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const context: AppContext = { db: database.db, playbook, now: () => new Date(), newId };
  return { context, engine: database.engine, database, close: database.close };
}
