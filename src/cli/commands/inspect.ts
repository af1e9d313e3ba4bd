import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { type Inspection, inspectOpportunity } from '../../app/inspection/inspect-opportunity.js';
import { atRiskQuery, type DealAtRisk, listDealsAtRisk } from '../../app/inspection/list-deals-at-risk.js';
import { withApp } from '../with-app.js';

const VELOCITY = {
  fast_track: 'Fast Track',
  standard: 'Standard',
  at_risk: 'At Risk',
  recovery: 'Recovery',
} as const;

/**
 * One deal's inspection in words: health with each reason, velocity, qualification gaps (under the playbook's
 * framework's name: MEDDPICC, BANT, …), customer fit.
 */
export function describeInspection(inspection: Inspection, framework: string): string {
  const { health, velocity, meddpicc, customer } = inspection;
  const lines = [
    `${inspection.opportunityId}`,
    `  health   ${health.score}/100 (${health.band}) — base ${health.base}`,
    ...health.reasons.flatMap((reason) => [
      `    ${reason.points >= 0 ? '+' : ''}${reason.points} ${reason.indicator}`,
      ...reason.evidence.map((evidence) => `        ${evidence}`),
    ]),
    `  velocity ${VELOCITY[velocity.class]} — ${velocity.reasons.join(' ')}`,
    `  ${framework} ${meddpicc.score}/100`,
    ...meddpicc.gaps.map((gap) => `    ${gap.severity.padEnd(6)} ${gap.message}`),
    `  customer ${customer.message} Focus: ${customer.focus}.`,
    ...(customer.uplift ? [`  uplift   ${customer.uplift.message}`] : []),
  ];
  return lines.join('\n');
}

function describeRow({ opportunity, inspection }: DealAtRisk): string {
  const { health, velocity } = inspection;
  const worst = health.reasons.filter((reason) => reason.kind === 'risk').map((reason) => reason.indicator);
  const amount = `${(opportunity.amountMinor / 100).toLocaleString('en')} ${opportunity.currency}`;
  return `  ${String(health.score).padStart(3)} ${health.band.padEnd(6)} ${VELOCITY[velocity.class].padEnd(10)} ${opportunity.id}  ${opportunity.name} (${amount}) ${worst.join(', ')}`;
}

export function registerInspect(program: Command) {
  program
    .command('inspect')
    .argument('[id]', 'opportunity id')
    .option('--at-risk', 'list the open deals whose health is red or velocity At Risk, worst first')
    .option('--limit <n>', 'how many deals --at-risk lists', '20')
    .option('--json', 'print the inspection as JSON, the same shape as the API')
    .description(
      'Health, velocity and qualification gaps of one deal (or the worst deals), each with its reasons',
    )
    .action(async (id: string | undefined, options: { json?: boolean; atRisk?: boolean; limit: string }) => {
      await withApp(async (context) => {
        if (options.atRisk) {
          const listed = await listDealsAtRisk(
            context,
            systemActor('cli'),
            atRiskQuery.parse({ limit: options.limit }),
          );
          if (!listed.ok) throw new Error(listed.error.message);
          const { items, totals } = listed.value;
          if (options.json) console.log(JSON.stringify(listed.value, null, 2));
          else
            console.log(
              [`${items.length} of ${totals.deals} deals at risk`, ...items.map(describeRow)].join('\n'),
            );
          return;
        }
        if (!id) throw new Error('inspect: give an opportunity id, or --at-risk');
        const result = await inspectOpportunity(context, systemActor('cli'), id);
        if (!result.ok) {
          console.error(`${id}: ${result.error.message}`);
          process.exitCode = 2;
          return;
        }
        console.log(
          options.json
            ? JSON.stringify(result.value, null, 2)
            : describeInspection(result.value, context.playbook.qualification.framework),
        );
      });
    });
}
