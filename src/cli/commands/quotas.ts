import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { importQuotas, importQuotasInput } from '../../app/forecast/import-quotas.js';
import { parseCliInput } from '../cli-input.js';
import { withApp } from '../with-app.js';

/** `closepath quotas import FILE`: the quota CSV the settings page imports, all or nothing. */
export function registerQuotas(program: Command) {
  const quotas = program.command('quotas').description("Owners' quotas for the forecast");
  quotas
    .command('import')
    .argument('<file>', 'a CSV file: OwnerEmail,Period,PeriodStart,Amount (Amount in the company currency)')
    .description(
      'Set quotas from a CSV file (as the Forecast settings page does): owners by e-mail, Period month, quarter ' +
        'or fiscal_year, PeriodStart the first day of that fiscal period. All or nothing: exit code 1 with ' +
        'every bad line when any is bad',
    )
    .action(async (file: string) => {
      const input = parseCliInput(importQuotasInput, { csv: await readFile(file, 'utf8') });
      await withApp(async (context) => {
        const imported = await importQuotas(context, systemActor('cli'), input);
        if (imported.ok) {
          const { updated, owners } = imported.value;
          return console.log(`${file}: ${updated} quota(s) set for ${owners} owner(s)`);
        }
        const { error } = imported;
        const lines =
          error.code === 'validation_failed' ? error.issues.map((i) => i.message) : [error.message];
        for (const line of lines) console.error(`${file}: ${line}`);
        console.error(`${file}: nothing imported`);
        process.exitCode = 1;
      });
    });
}
