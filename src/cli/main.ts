import { Command } from 'commander';
import { registerActivity } from './commands/activity.js';
import { registerBackup } from './commands/backup.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInspect } from './commands/inspect.js';
import { registerInspection } from './commands/inspection.js';
import { registerMigrate } from './commands/migrate.js';
import { registerOpportunity } from './commands/opportunity.js';
import { registerPlaybook } from './commands/playbook.js';
import { registerQuotas } from './commands/quotas.js';
import { registerRenewals } from './commands/renewals.js';
import { registerSeed } from './commands/seed.js';
import { registerServe } from './commands/serve.js';
import { registerSnapshot } from './commands/snapshot.js';
import { registerTerritory } from './commands/territory.js';
import { registerToken } from './commands/token.js';
import { registerUser } from './commands/user.js';
import { registerWorker } from './commands/worker.js';

const program = new Command('closepath')
  .description(
    'Closepath — the sales-process engine. Configuration comes from PORT, HOST, DATA_DIR, DATABASE_URL, PLAYBOOK_FILE, TRUST_PROXY.',
  )
  .showHelpAfterError();

for (const register of [
  registerServe,
  registerWorker,
  registerMigrate,
  registerSeed,
  registerPlaybook,
  registerTerritory,
  registerImport,
  registerExport,
  registerOpportunity,
  registerRenewals,
  registerActivity,
  registerInspect,
  registerInspection,
  registerSnapshot,
  registerQuotas,
  registerUser,
  registerToken,
  registerBackup,
]) {
  register(program);
}

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
