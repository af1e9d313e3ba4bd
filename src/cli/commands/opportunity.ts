import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { openApp } from '../../app/open-app.js';
import { changeStage } from '../../app/opportunities/change-stage.js';
import { stageChangeInput } from '../../app/opportunities/opportunity-inputs.js';
import { appConfig, readConfig } from '../config.js';
import { describeRefusal } from './describe-refusal.js';
import { registerOpportunityCreate } from './opportunity-create.js';

interface AdvanceOptions {
  reason?: string;
  lossReason?: string;
  competitor?: string;
  json?: boolean;
}

export function registerOpportunity(program: Command) {
  const opportunity = program.command('opportunity').description('Work with opportunities');
  registerOpportunityCreate(opportunity);
  opportunity
    .command('advance')
    .argument('<id>', 'opportunity id')
    .argument('<stage>', 'target stage key of the playbook (`closepath playbook check` lists the pipelines)')
    .option('--reason <text>', 'why (required to move backward)')
    .option('--loss-reason <key>', "loss reason key of the playbook (required for the pipeline's lost stage)")
    .option('--competitor <name>', 'the winning competitor, when lost to one')
    .option('--json', 'print the result as JSON, the same shape as the API')
    .description('Move a deal to another stage through the same gate as the API; prints what is missing')
    .action(async (id: string, stage: string, options: AdvanceOptions) => {
      const input = stageChangeInput.parse({
        to: stage,
        reason: options.reason,
        lossReason: options.lossReason,
        winningCompetitor: options.competitor,
      });
      const app = await openApp(appConfig(readConfig()));
      try {
        const result = await changeStage(app.context, systemActor('cli'), id, input);
        if (options.json) console.log(JSON.stringify(result.ok ? result.value : result.error, null, 2));
        else if (result.ok)
          console.log(
            `${id}: moved ${result.value.gate.from} → ${result.value.gate.to} (${result.value.gate.kind})`,
          );
        else console.error(describeRefusal(id, result.error));
        if (!result.ok) process.exitCode = 2;
      } finally {
        await app.close();
      }
    });
}
