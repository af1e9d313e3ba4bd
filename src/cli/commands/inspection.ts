import type { Command } from 'commander';
import { z } from 'zod';
import {
  REFRESH_BATCH,
  type RefreshOutcome,
  refreshInspections,
} from '../../app/inspection/refresh-inspections.js';
import { openApp } from '../../app/open-app.js';
import { parseCliInput } from '../cli-input.js';
import { appConfig, readConfig } from '../config.js';

const refreshOptions = z.object({
  all: z.boolean().default(false),
  batch: z.coerce.number().int().min(1).max(100_000).default(REFRESH_BATCH),
});

const describeOutcome = (outcome: RefreshOutcome) =>
  `${outcome.refreshed} refreshed, ${outcome.backfilled} added, ${outcome.skipped} left to a newer write, ` +
  `${outcome.pipelines} pipelines' expected durations recomputed (${outcome.batches} batches)`;

/** Progress on stderr, a line per batch: stdout keeps the summary. */
const progress = (outcome: RefreshOutcome) =>
  process.stderr.write(`closepath: inspection: ${describeOutcome(outcome)}\n`);

export function registerInspection(program: Command) {
  const inspection = program
    .command('inspection')
    .description(
      'The inspection stored with each open deal (health, velocity, MEDDPICC score, at-risk flag)',
    );
  inspection
    .command('refresh')
    .option('--all', 'recompute every stored row, not only those computed before today (UTC)')
    .option('--batch <n>', 'rows per transaction', String(REFRESH_BATCH))
    .description(
      'Recompute the stored inspections for the passing of time and store those of open deals that have none ' +
        '(the server does this daily; safe to run beside it, and to stop: the next run goes on where it stopped)',
    )
    .action(async (raw: { all?: boolean; batch?: string }) => {
      const options = parseCliInput(refreshOptions, raw);
      const app = await openApp({ ...appConfig(readConfig()), onInspectionBatch: progress });
      try {
        const { context } = app;
        const now = context.now();
        const asOf = options.all
          ? now
          : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
        const outcome = await refreshInspections(context, {
          asOf,
          batchSize: options.batch,
          onBatch: progress,
        });
        console.log(`closepath: inspection refresh: ${describeOutcome(outcome)}`);
      } finally {
        await app.close();
      }
    });
}
