import type { Command } from 'commander';
import { backupDataDir } from '../../db/backup.js';
import { readConfig } from '../config.js';

export function registerBackup(program: Command) {
  program
    .command('backup')
    .argument('<file>', 'where to write the gzipped tarball of the data directory')
    .description('Back up the embedded database (PGlite) — it does not fsync, so take backups')
    .action(async (file: string) => {
      const config = readConfig();
      if (config.DATABASE_URL)
        throw new Error('backup is for the embedded database; use pg_dump for a PostgreSQL server');
      await backupDataDir(config.DATA_DIR, file);
      console.log(`closepath: backed up ${config.DATA_DIR} to ${file}`);
    });
}
