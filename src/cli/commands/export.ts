import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import type { z } from 'zod';
import { systemActor } from '../../app/access/actors.js';
import type { AppContext } from '../../app/context.js';
import { csvStream } from '../../app/exports/csv-stream.js';
import { ACCOUNT_COLUMNS, exportAccounts } from '../../app/exports/export-accounts.js';
import { exportForecast, FORECAST_COLUMNS } from '../../app/exports/export-forecast.js';
import { exportHistory, HISTORY_COLUMNS, historyExportQuery } from '../../app/exports/export-history.js';
import { accountExportQuery, opportunityExportQuery } from '../../app/exports/export-inputs.js';
import { exportOpportunities, OPPORTUNITY_COLUMNS } from '../../app/exports/export-opportunities.js';
import { forecastQuery } from '../../app/forecast/forecast-inputs.js';
import { withApp } from '../with-app.js';

const actor = systemActor('cli');
type Filter = Record<string, string>;
const flag = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** The filter of the command's options, or every field's problem as `--field: reason`. */
function parsed<T extends z.ZodType>(schema: T, filter: Filter): z.infer<T> {
  const answer = schema.safeParse(filter);
  if (answer.success) return answer.data;
  throw new Error(
    answer.error.issues.map((issue) => `${flag(issue.path.join('.'))}: ${issue.message}`).join('\n'),
  );
}

/** Each export: the filters it takes (the API's query fields) and its CSV (the API's columns). */
const EXPORTS: Record<
  string,
  { filters: string[]; csv: (context: AppContext, filter: Filter) => Promise<Readable> }
> = {
  accounts: {
    filters: ['search', 'ownerId', 'country'],
    csv: async (context, filter) =>
      csvStream(ACCOUNT_COLUMNS, exportAccounts(context, actor, parsed(accountExportQuery, filter))),
  },
  opportunities: {
    filters: [
      'ownerId',
      'accountId',
      'pipeline',
      'stage',
      'forecastCategory',
      'closeDateFrom',
      'closeDateTo',
    ],
    csv: async (context, filter) =>
      csvStream(
        OPPORTUNITY_COLUMNS,
        exportOpportunities(context, actor, parsed(opportunityExportQuery, filter)),
      ),
  },
  history: {
    filters: ['opportunityId'],
    csv: async (context, filter) =>
      csvStream(HISTORY_COLUMNS, exportHistory(context, actor, parsed(historyExportQuery, filter))),
  },
  forecast: {
    filters: ['period', 'from', 'to'],
    csv: async (context, filter) => {
      const rows = await exportForecast(context, actor, parsed(forecastQuery, filter));
      if (!rows.ok) throw new Error(rows.error.message);
      return csvStream(FORECAST_COLUMNS, rows.value);
    },
  },
};

async function copy(csv: Readable, out: Writable) {
  for await (const chunk of csv) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
}

/** `closepath export <what>`: the CSV the API serves, of every record (the CLI acts as the system). */
export function registerExport(program: Command) {
  const kinds = Object.keys(EXPORTS).join(', ');
  program
    .command('export')
    .argument('<what>', `one of ${kinds}`)
    .option('--out <file>', 'write the CSV to this file (default: standard output)')
    .option('--search <text>', 'accounts: name contains')
    .option('--owner-id <id>', 'accounts, opportunities: one owner')
    .option('--country <code>', 'accounts: ISO 3166-1 alpha-2')
    .option('--account-id <id>', 'opportunities: one account')
    .option('--pipeline <key>', 'opportunities: one pipeline')
    .option('--stage <key>', 'opportunities: one stage')
    .option('--forecast-category <key>', 'opportunities: e.g. commit')
    .option('--close-date-from <date>', 'opportunities: closing on or after')
    .option('--close-date-to <date>', 'opportunities: closing on or before')
    .option('--opportunity-id <id>', "history: one deal's")
    .option('--period <kind>', 'forecast: month, quarter or fiscal_year')
    .option('--from <date>', 'forecast: a day in the first period')
    .option('--to <date>', 'forecast: a day in the last period')
    .description(
      'Export accounts, opportunities, stage history or the forecast as CSV (formula cells guarded)',
    )
    .action(async (what: string, options: Record<string, string | undefined>) => {
      const kind = EXPORTS[what];
      if (!kind) throw new Error(`<what>: one of ${kinds}, not "${what}"`);
      const unused = Object.keys(options).filter((key) => key !== 'out' && !kind.filters.includes(key));
      if (unused.length > 0) throw new Error(`${what} takes no ${unused.map(flag).join(', ')}`);
      const filter = Object.fromEntries(
        kind.filters.flatMap((key) => (options[key] ? [[key, options[key]]] : [])),
      );
      await withApp(async (context) => {
        const csv = await kind.csv(context, filter);
        if (!options.out) return copy(csv, process.stdout);
        const file = createWriteStream(options.out);
        await copy(csv, file);
        file.end();
        await once(file, 'finish');
        console.error(`wrote ${options.out}`);
      });
    });
}
