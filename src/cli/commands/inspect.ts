import type { Command } from 'commander';
import { systemActor } from '../../app/access/actors.js';
import { type Inspection, inspectOpportunity } from '../../app/inspection/inspect-opportunity.js';
import { withApp } from '../with-app.js';

const VELOCITY = {
  fast_track: 'Fast Track',
  standard: 'Standard',
  at_risk: 'At Risk',
  recovery: 'Recovery',
} as const;

/** One deal's inspection in words: health with each reason, velocity, MEDDPICC gaps, customer fit. */
export function describeInspection(inspection: Inspection): string {
  const { health, velocity, meddpicc, customer } = inspection;
  const lines = [
    `${inspection.opportunityId}`,
    `  health   ${health.score}/100 (${health.band}) — base ${health.base}`,
    ...health.reasons.flatMap((reason) => [
      `    ${reason.points >= 0 ? '+' : ''}${reason.points} ${reason.indicator}`,
      ...reason.evidence.map((evidence) => `        ${evidence}`),
    ]),
    `  velocity ${VELOCITY[velocity.class]} — ${velocity.reasons.join(' ')}`,
    `  MEDDPICC ${meddpicc.score}/100`,
    ...meddpicc.gaps.map((gap) => `    ${gap.severity.padEnd(6)} ${gap.message}`),
    `  customer ${customer.message} Focus: ${customer.focus}.`,
  ];
  return lines.join('\n');
}

export function registerInspect(program: Command) {
  program
    .command('inspect')
    .argument('<id>', 'opportunity id')
    .option('--json', 'print the inspection as JSON, the same shape as the API')
    .description('Health, velocity and qualification gaps of one deal, each with its reasons')
    .action(async (id: string, options: { json?: boolean }) => {
      await withApp(async (context) => {
        const result = await inspectOpportunity(context, systemActor('cli'), id);
        if (!result.ok) {
          console.error(`${id}: ${result.error.message}`);
          process.exitCode = 2;
          return;
        }
        console.log(options.json ? JSON.stringify(result.value, null, 2) : describeInspection(result.value));
      });
    });
}
