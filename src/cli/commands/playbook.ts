import type { Command } from 'commander';
import { describePlaybookProblems, readPlaybook } from '../../app/playbook/load-playbook.js';

export function registerPlaybook(program: Command) {
  const playbook = program.command('playbook').description('Work with playbook files');
  playbook
    .command('check')
    .argument('<file>', 'a playbook file (YAML or JSON)')
    .description('Validate a playbook; prints each problem with its path and reason')
    .action(async (file: string) => {
      const result = await readPlaybook(file);
      if (!result.ok) {
        console.error(describePlaybookProblems(result.error));
        process.exitCode = 1;
        return;
      }
      const { pipelines, opportunityTypes } = result.value;
      const stages = pipelines
        .map((pipeline) => `${pipeline.name} (${pipeline.stages.length} stages)`)
        .join(', ');
      console.log(`${file}: valid — ${opportunityTypes.length} opportunity types; pipelines: ${stages}`);
    });
}
