import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PLAYBOOK_FILE, parsePlaybook } from '../../src/app/playbook/load-playbook.js';
import type { OpportunityFacts } from '../../src/domain/opportunity/opportunity-facts.js';
import { allCriteria } from '../../src/domain/playbook/lookup.js';
import type { Playbook } from '../../src/domain/playbook/playbook.js';
import { assessPoc } from '../../src/domain/poc/assess-poc.js';
import { signedAndAccepted } from './closing-facts-fixtures.js';
import { succeededPocPlan } from './poc-fixtures.js';

export function firebolt(): Playbook {
  const result = parsePlaybook(readFileSync(DEFAULT_PLAYBOOK_FILE, 'utf8'), 'firebolt.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** The second shipped playbook (BANT, one pipeline, a pilot, no renewals): what another company loads. */
export function northwind(): Playbook {
  const file = fileURLToPath(new URL('../../playbooks/northwind.yaml', import.meta.url));
  const result = parsePlaybook(readFileSync(file, 'utf8'), 'northwind.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

export const ATTESTED_AT = new Date('2026-10-01T09:00:00Z');

/**
 * A deal in `stage` whose every attested criterion is ticked with evidence, every MEDDPICC element validated,
 * whose POC succeeded (signed off, read out), whose every milestone is recorded and whose chosen offer version
 * is signed and accepted.
 */
export function satisfiedFacts(
  playbook: Playbook,
  pipeline: string,
  stage: string,
  overrides: Partial<OpportunityFacts> = {},
): OpportunityFacts {
  const attestations = Object.fromEntries(
    allCriteria(playbook)
      .filter((entry) => entry.criterion.source.kind === 'attested')
      .map((entry) => [
        entry.criterion.key,
        {
          attestedBy: 'user_ae',
          attestedAt: ATTESTED_AT,
          note: null,
          evidenceUrl: 'https://docs.example.com/e',
        },
      ]),
  );
  const meddpicc = Object.fromEntries(
    playbook.qualification.elements.map((element) => [
      element.key,
      {
        level: 'validated' as const,
        summary: `${element.name} known`,
        contactId: element.namesPerson ? 'contact_1' : null,
      },
    ]),
  );
  return {
    type: pipeline === 'renewal' ? 'renewal' : 'new_business',
    pipeline,
    stage,
    source: 'sdr',
    amountMinor: 120_000_00,
    closeDate: '2027-03-31',
    nextStep: 'Schedule the readout',
    description: 'Analytics workload migration',
    meddpicc,
    attestations,
    poc: assessPoc(succeededPocPlan(playbook), playbook.inspection.poc?.resultsSession),
    milestones: Object.fromEntries(
      playbook.milestones.map((milestone) => [
        milestone.key,
        { achievedAt: ATTESTED_AT, recordedBy: 'user_ae' },
      ]),
    ),
    uplift:
      pipeline === 'renewal'
        ? {
            fits: true,
            upliftPct: 5,
            expectedType: 'renewal',
            previousContract: { id: 'ctr_1', endDate: '2026-12-31', tcvMinor: 114_000_00, currency: 'USD' },
            message: 'Renewal: 5% TCV uplift over the contract ending 2026-12-31 (threshold 20%).',
          }
        : null,
    activities: [
      { id: 'act_1', kind: 'call', occurredAt: ATTESTED_AT, summary: 'Discovery call with the champion' },
      { id: 'act_2', kind: 'meeting', occurredAt: ATTESTED_AT, summary: 'Follow-up with the data team' },
    ],
    customerFit: { fits: true, message: 'The type suits the account.' },
    closing: signedAndAccepted(),
    ...overrides,
  };
}
