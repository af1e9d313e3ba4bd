import type { Command } from 'commander';
import { describeTerritoryProblems, readTerritoryModel } from '../../app/territory/parse-territory-model.js';
import { compileTerritories } from '../../domain/territory/compile-territories.js';
import { proveCoverage } from '../../domain/territory/prove-coverage.js';
import { describeCoverage } from './describe-coverage.js';

export function registerTerritory(program: Command) {
  const territory = program.command('territory').description('Work with territory model files');
  territory
    .command('check')
    .argument('<file>', 'a territories file (YAML or JSON), e.g. one in territories/')
    .description(
      'Validate a territory model and prove its coverage: every leaf geography (a country, a subdivision where ' +
        'the country is split, a metro) × segment must resolve to exactly one AE. Prints every gap and overlap; ' +
        'exit code 0 when coverage holds, 1 with gaps or overlaps, 2 when the file does not parse or validate ' +
        '(each problem as file:line: path: reason). Reads no database',
    )
    .action(async (file: string) => {
      const result = await readTerritoryModel(file);
      if (!result.ok) {
        console.error(describeTerritoryProblems(result.error));
        process.exitCode = 2;
        return;
      }
      const report = proveCoverage(compileTerritories(result.value));
      console.log(describeCoverage(file, result.value, report).join('\n'));
      process.exitCode = report.ok ? 0 : 1;
    });
}
