import type { Command } from 'commander';
import { buildServer } from '../../api/build-server.js';
import { openApp } from '../../app/open-app.js';
import { appConfig, readConfig } from '../config.js';
import { seedIfEmpty } from './seed.js';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('Start the HTTP server (API and docs at /api/v1/docs)')
    .option('--demo', 'seed the demo data set when the database is empty')
    .action(async (options: { demo?: boolean }) => {
      const config = readConfig();
      const app = await openApp(appConfig(config));
      const where =
        app.engine === 'pglite'
          ? `embedded PostgreSQL (PGlite) in ${config.DATA_DIR}`
          : 'PostgreSQL server (DATABASE_URL)';
      console.log(`closepath: database: ${where}`);
      if (options.demo) await seedIfEmpty(app.context);
      const server = await buildServer({ context: app.context, logger: { level: config.LOG_LEVEL } });
      const stop = async () => {
        await server.close();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      await server.listen({ port: config.PORT, host: config.HOST });
      console.log(`closepath: listening on http://${config.HOST}:${config.PORT} — API docs at /api/v1/docs`);
    });
}
