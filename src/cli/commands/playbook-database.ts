import { existsSync } from 'node:fs';
import type { AppContext } from '../../app/context.js';
import { newId } from '../../app/open-app.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { findLatestVersion, type PlaybookVersion } from '../../db/repositories/playbook-versions-repo.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { readConfig } from '../config.js';

export interface PlaybookDatabase {
  context: AppContext;
  /** The version in force, if the database has one. */
  latest: PlaybookVersion | undefined;
  where: string;
  close: () => Promise<void>;
}

/**
 * The configured database, opened to read (never to put a playbook in force, unlike every other command):
 * DATABASE_URL, or DATA_DIR when that directory exists. Undefined when none is configured.
 */
export async function openPlaybookDatabase(playbook: Playbook): Promise<PlaybookDatabase | undefined> {
  const config = readConfig();
  if (!config.DATABASE_URL && !existsSync(config.DATA_DIR)) return undefined;
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrateToLatest(database.db);
    const latest = await findLatestVersion(database.db);
    const context: AppContext = { db: database.db, playbook, now: () => new Date(), newId };
    const where = config.DATABASE_URL ? 'the PostgreSQL server (DATABASE_URL)' : config.DATA_DIR;
    return { context, latest, where, close: database.close };
  } catch (error) {
    await database.close();
    throw error;
  }
}
