import type { Command } from 'commander';
import { offPlaybookRefusal } from '../../app/demo/playbook-fit.js';
import { seedDemo } from '../../app/demo/seed-demo.js';
import { seedDemoInWorker } from '../../app/demo/seed-job.js';
import { type OpenApp, openApp } from '../../app/open-app.js';
import { hasUsers } from '../../db/repositories/users-repo.js';
import { appConfig, readConfig } from '../config.js';

/**
 * Seeds the demo data set when the database has no users yet; reports progress on the console. On PGlite
 * the seed runs inside the database's worker thread (same use cases, no thread hop per statement).
 */
export async function seedIfEmpty({ context, database }: OpenApp): Promise<boolean> {
  if (await hasUsers(context.db)) return false;
  const started = Date.now();
  console.log(`closepath: empty database — seeding the demo data set for ${context.playbook.company}…`);
  const options = {
    anchor: context.now(),
    onProgress: (done: number, total: number) => {
      if (done % 40 === 0 || done === total) console.log(`closepath:   ${done}/${total} opportunities`);
    },
  };
  const summary =
    database.engine === 'pglite'
      ? await seedDemoInWorker(database, context, options)
      : await seedDemo(context, options);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `closepath: demo data ready in ${seconds}s: ${summary.users} users, ${summary.accounts} accounts, ${summary.contacts} contacts, ${summary.opportunities} opportunities`,
  );
  return true;
}

export function registerSeed(program: Command) {
  program
    .command('seed')
    .description("Load the demo data set into an empty database (the playbook's deal types, stages and POC)")
    .option(
      '--playbook <file>',
      'the playbook to seed for (YAML; overrides PLAYBOOK_FILE; default: the shipped demo playbook)',
    )
    .action(async (options: { playbook?: string }) => {
      const app = await openApp(appConfig(readConfig(), options));
      try {
        const refusal = await offPlaybookRefusal(app.context.db, app.context.playbook);
        if (refusal) throw new Error(refusal);
        if (await seedIfEmpty(app)) {
          console.log('closepath: the demo users have no password; `serve --demo` gives them the demo one');
        } else {
          console.log('closepath: the database already has data; nothing seeded');
        }
      } finally {
        await app.close();
      }
    });
}
