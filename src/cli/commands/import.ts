import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { countDataLines } from '../../app/imports/csv-batches.js';
import { importSalesforce } from '../../app/imports/import-salesforce.js';
import { readImportMapping } from '../../app/imports/load-import-mapping.js';
import type { ImportRun } from '../../db/repositories/import-runs-repo.js';
import type { ImportMode } from '../../db/schema-imports.js';
import { withApp } from '../with-app.js';
import { progressBar } from './import-progress.js';

interface SalesforceOptions {
  accounts?: string;
  opportunities?: string;
  mapping: string;
  dryRun?: boolean;
  goodRowsOnly?: boolean;
}

/** The outcome in words: counts, then every kept error as file:line: field: reason. */
export function describeImportRun(run: ImportRun): string[] {
  const verb =
    run.mode === 'dry_run' ? 'would import' : run.status === 'failed' ? 'imported nothing' : 'imported';
  const lines = [
    `${run.id} (${run.mode.replace(/_/g, ' ')}): ${run.status}; ${verb}` +
      (run.status === 'failed' && run.mode === 'all_or_nothing'
        ? ` (${run.rejected} bad rows; fix them or use --good-rows-only)`
        : ` ${run.created} new, ${run.updated} updated; ${run.rejected} rows rejected`),
  ];
  for (const error of run.errors) {
    lines.push(`${error.file}:${error.line}: ${error.field ? `${error.field}: ` : ''}${error.message}`);
  }
  if (run.errorCount > run.errors.length)
    lines.push(`… and ${run.errorCount - run.errors.length} more errors`);
  return lines;
}

export function registerImport(program: Command) {
  const command = program.command('import').description('Bring data in from another system');
  command
    .command('salesforce')
    .description(
      'Import a Salesforce data export (Account.csv, Opportunity.csv) with a mapping file (see ' +
        'imports/salesforce-mapping.example.yaml), streamed in batches. All or nothing by default (any bad row: ' +
        'nothing written); --good-rows-only writes the good rows; --dry-run writes nothing. A re-import updates ' +
        'the records imported before. Prints each bad row as file:line: column: reason; exit code 1 with any, ' +
        '2 when the mapping is refused',
    )
    .option('--accounts <file>', 'Account.csv')
    .option('--opportunities <file>', 'Opportunity.csv')
    .requiredOption('--mapping <file>', 'the mapping file (YAML)')
    .option('--dry-run', 'check every row, write nothing')
    .option('--good-rows-only', 'write the good rows, report the bad ones')
    .action(async (options: SalesforceOptions) => {
      if (!options.accounts && !options.opportunities)
        throw new Error('give --accounts, --opportunities or both');
      await withApp(async (context) => {
        const mapping = await readImportMapping(options.mapping, context.playbook);
        if (!mapping.ok) {
          for (const problem of mapping.error)
            console.error(`${problem.file}: ${problem.path}: ${problem.message}`);
          process.exitCode = 2;
          return;
        }
        const files = [options.accounts, options.opportunities].filter((file): file is string => !!file);
        let rowsTotal = 0;
        for (const file of files) rowsTotal += await countDataLines(createReadStream(file));
        const mode: ImportMode = options.dryRun
          ? 'dry_run'
          : options.goodRowsOnly
            ? 'good_rows_only'
            : 'all_or_nothing';
        const bar = progressBar();
        const result = await importSalesforce(
          context,
          systemActor('import'),
          {
            accounts: options.accounts ? createReadStream(options.accounts) : undefined,
            opportunities: options.opportunities ? createReadStream(options.opportunities) : undefined,
            mapping: mapping.value,
            mode,
            rowsTotal,
          },
          bar,
        );
        if (!result.ok) throw new Error(result.error.message);
        // The line count overcounts quoted line breaks: the bar ends at the rows actually read.
        bar({ ...result.value, rowsTotal: result.value.rowsDone });
        console.log(describeImportRun(result.value).join('\n'));
        process.exitCode = result.value.rejected > 0 ? 1 : 0;
      });
    });
}
