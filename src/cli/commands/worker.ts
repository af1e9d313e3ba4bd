import type { Command } from 'commander';
import type { AppContext } from '../../app/context.js';
import { openApp } from '../../app/open-app.js';
import { startWebhookWorker } from '../../app/webhooks/webhook-worker.js';
import { appConfig, type Config, readConfig, workerSettings } from '../config.js';

/** The delivery worker over a context, its failures logged to stderr; returns its stop(). */
export function runWebhookWorker(context: AppContext, config: Config, log: (message: string) => void) {
  return startWebhookWorker(context, workerSettings(config), {
    onError: (error) => log(`webhook worker: ${error instanceof Error ? error.message : String(error)}`),
  });
}

export function registerWorker(program: Command) {
  program
    .command('worker')
    .description(
      'Run the webhook delivery worker (fan-out of the outbox, signed deliveries, retries) until SIGTERM; ' +
        '`serve` runs one too unless WEBHOOKS_WORKER=off. Any number may run on one PostgreSQL database',
    )
    .action(async () => {
      const config = readConfig();
      const app = await openApp(appConfig(config));
      const worker = runWebhookWorker(app.context, config, (message) => console.error(message));
      console.log(`closepath: webhook worker running (${app.engine}); stop with SIGTERM`);
      const stop = async () => {
        await worker.stop();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
