import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { changesQuery } from '../../app/forecast-changes/changes-inputs.js';
import { listForecastChanges } from '../../app/forecast-changes/list-forecast-changes.js';
import { takeSnapshot } from '../../app/forecast-changes/take-snapshot.js';
import { withApp } from '../with-app.js';

/** `closepath snapshot take` (on demand; the server takes one weekly) and `closepath snapshot changes`. */
export function registerSnapshot(program: Command) {
  const snapshot = program
    .command('snapshot')
    .description('Snapshots of the open pipeline, for "what changed"');
  snapshot
    .command('take')
    .description('Snapshot every open deal now (amount, stage, category, close date, owner)')
    .action(async () => {
      await withApp(async (context) => {
        const taken = await takeSnapshot(context, systemActor('cli'));
        if (!taken.ok) throw new Error(taken.error.message);
        console.log(`snapshot ${taken.value.takenAt.toISOString()}: ${taken.value.deals} open deals`);
      });
    });
  snapshot
    .command('changes')
    .requiredOption('--from <date>', 'the snapshot on or before this day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'compared with the snapshot on or before this day')
    .option('--period <period>', 'a month (2026-11), quarter (2026-Q4) or year; default: the quarter of --to')
    .option('--pipeline <key>', 'one pipeline only')
    .option('--json', 'print the answer as JSON, the same shape as the API')
    .description('What changed in a period between two dates, deal by deal, with the totals')
    .action(
      async (options: { from: string; to: string; period?: string; pipeline?: string; json?: boolean }) => {
        const { json, ...query } = options;
        const parsed = changesQuery.safeParse(query);
        if (!parsed.success) {
          throw new Error(
            parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'),
          );
        }
        await withApp(async (context) => {
          const listed = await listForecastChanges(context, systemActor('cli'), parsed.data);
          if (!listed.ok) throw new Error(listed.error.message);
          if (json) return console.log(JSON.stringify(listed.value, null, 2));
          const { period, changes, totals } = listed.value;
          console.log(
            [
              `${period.label} (${period.start} … ${period.end}): ${changes.length} deals`,
              ...changes.map(
                (change) =>
                  `  ${change.kind.padEnd(11)} ${change.opportunityId}  ${change.name}: ${change.words}`,
              ),
              'totals',
              ...totals.map(
                (total) =>
                  `  ${total.kind.padEnd(11)} ${String(total.count).padStart(4)}  Δ ${total.deltaMinor} ${total.currency} (minor units)`,
              ),
            ].join('\n'),
          );
        });
      },
    );
}
