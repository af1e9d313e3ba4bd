import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { createOpportunity } from '../../app/opportunities/create-opportunity.js';
import { createOpportunityInput } from '../../app/opportunities/opportunity-inputs.js';
import { parseCliInput, valueOrThrow } from '../cli-input.js';
import { userIdByEmail, withApp } from '../with-app.js';

interface CreateOptions {
  account: string;
  name: string;
  type: string;
  amount: string;
  currency?: string;
  closeDate: string;
  owner: string;
  source: string;
  nextStep?: string;
  override?: string;
}

/** Major units as typed ("125000" or "125000.50") to integer minor units; anything else is left for zod to refuse. */
function toMinor(amount: string): unknown {
  return /^\d+(\.\d{1,2})?$/.test(amount) ? Math.round(Number(amount) * 100) : amount;
}

export function registerOpportunityCreate(opportunity: Command) {
  opportunity
    .command('create')
    .requiredOption('--account <id>', 'the account (acc_…)')
    .requiredOption('--name <name>', 'the deal name')
    .requiredOption(
      '--type <key>',
      'an opportunity type of the playbook; it must suit the account’s customer class',
    )
    .requiredOption('--amount <major>', 'the amount in major units, e.g. 125000')
    .option('--currency <code>', 'ISO 4217 currency; the playbook’s default when left out')
    .requiredOption('--close-date <YYYY-MM-DD>', 'expected close date')
    .requiredOption('--owner <email>', 'the owner')
    .requiredOption('--source <key>', 'lead source, e.g. sdr, ae, inbound, partner, plg, customer_success')
    .option('--next-step <text>', 'the next step')
    .option('--override <justification>', 'force a type that does not suit the customer class (audited)')
    .description('Create a deal in the first stage of its type’s pipeline, through the same rules as the API')
    .action(async (options: CreateOptions) => {
      await withApp(async (context) => {
        const input = parseCliInput(createOpportunityInput, {
          accountId: options.account,
          name: options.name,
          type: options.type,
          amountMinor: toMinor(options.amount),
          currency: options.currency ?? context.playbook.defaultCurrency,
          closeDate: options.closeDate,
          ownerId: await userIdByEmail(context, options.owner, '--owner'),
          source: options.source,
          ...(options.nextStep !== undefined && { nextStep: options.nextStep }),
          ...(options.override !== undefined && { override: { justification: options.override } }),
        });
        const created = valueOrThrow(await createOpportunity(context, systemActor('cli'), input));
        console.log(`${created.id}: created in ${created.pipeline} / ${created.stage} for ${options.owner}`);
      });
    });
}
