import type { Command } from 'commander';
import { runRenewals } from '../../app/renewals/run-renewals.js';
import { withApp } from '../with-app.js';

export function registerRenewals(program: Command) {
  const renewals = program
    .command('renewals')
    .description('Renewal deals opened automatically before commit contracts end (the playbook `renewals`)');
  renewals
    .command('run')
    .description(
      'Open a renewal deal for every commit contract ending within renewals.leadDays that none renews yet ' +
        '(the server does this daily; safe to run beside it: one deal per contract)',
    )
    .action(() =>
      withApp(async (context) => {
        if (!context.playbook.renewals) {
          console.log('closepath: this playbook opens no renewals (it has no `renewals` section)');
          return;
        }
        const run = await runRenewals(context);
        console.log(
          `closepath: renewals: ${run.created} created, ${run.skipped} skipped (renewed already), ${run.refused.length} refused`,
        );
        for (const refusal of run.refused) console.log(`  ${refusal.contractId}: ${refusal.reason}`);
      }),
    );
}
