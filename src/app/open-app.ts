import { randomBytes } from 'node:crypto';
import { migrateToLatest } from '../db/migrate.js';
import { type OpenedDatabase, openDatabase } from '../db/open-database.js';
import type { TargetRules } from '../domain/webhooks/webhook-url.js';
import { systemActor } from './access/actors.js';
import type { AppContext } from './context.js';
import { completeInspections } from './inspection/complete-inspections.js';
import type { RefreshOptions } from './inspection/refresh-inspections.js';
import { DEFAULT_PLAYBOOK_FILE, loadPlaybook } from './playbook/load-playbook.js';
import { describeChangeRefusal, loadPlaybookVersion } from './playbook/load-playbook-version.js';

export interface AppConfig {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  playbookFile?: string | undefined;
  /** Who loads the playbook, in the version history (`system:<command>`). */
  loadedBy?: string | undefined;
  /** Where webhook subscriptions may point (https to public addresses when not given). */
  webhookTargets?: TargetRules | undefined;
  /** Told after each batch when the playbook version's inspections are recomputed at start (see completeInspections). */
  onInspectionBatch?: RefreshOptions['onBatch'];
}

export interface OpenApp {
  context: AppContext;
  engine: 'pglite' | 'postgres';
  /** The database itself, for what only an engine offers (PGlite: running the demo seed in its worker). */
  database: OpenedDatabase;
  close: () => Promise<void>;
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;

/**
 * Loads the playbook, opens and migrates the database, puts the playbook in force (a new version when it
 * changed, refused when it does not fit the records), brings every open deal's stored inspection under that
 * version when it is not yet (completeInspections) and wires the context every use case gets.
 */
export async function openApp(config: AppConfig): Promise<OpenApp> {
  const playbook = await loadPlaybook(config.playbookFile);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const context: AppContext = {
    db: database.db,
    playbook,
    now: () => new Date(),
    newId,
    ...(config.webhookTargets && { webhookTargets: config.webhookTargets }),
  };
  try {
    await migrateToLatest(database.db);
    const loaded = await loadPlaybookVersion(context, systemActor(config.loadedBy ?? 'startup'), playbook);
    if (!loaded.ok)
      throw new Error(
        describeChangeRefusal(config.playbookFile ?? DEFAULT_PLAYBOOK_FILE, playbook.id, loaded.error),
      );
    context.playbookVersion = loaded.value.version.number;
    await completeInspections(context, loaded.value.version, config.onInspectionBatch);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { context, engine: database.engine, database, close: database.close };
}
