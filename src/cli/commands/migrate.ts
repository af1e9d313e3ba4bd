import type { Command } from 'commander';
import { openApp } from '../../app/open-app.js';
import { appConfig, readConfig } from '../config.js';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .action(async () => {
      const app = await openApp(appConfig(readConfig()));
      await app.close();
      console.log(`closepath: ${app.engine} schema is up to date`);
    });
}
