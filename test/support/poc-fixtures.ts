import type { Playbook } from '../../src/domain/playbook/playbook.js';
import { createPocPlan } from '../../src/domain/poc/create-poc-plan.js';
import type { PocPlan } from '../../src/domain/poc/poc-plan.js';

export const POC_AT = new Date('2026-10-05T15:00:00Z');

/** A fresh plan from the playbook's template, with ids session_1…, criterion_1… */
export function newPocPlan(playbook: Playbook): PocPlan {
  let counter = 0;
  const template = playbook.inspection.poc;
  if (!template) throw new Error(`playbook ${playbook.id} has no POC method`);
  return createPocPlan(template, {
    planId: 'poc_1',
    opportunityId: 'opp_1',
    createdBy: 'user_se',
    now: POC_AT,
    newId: (kind) => `${kind}_${++counter}`,
  });
}

/** A plan that did everything right: signed off, every session held, every criterion met, readout done. */
export function succeededPocPlan(playbook: Playbook): PocPlan {
  const plan = newPocPlan(playbook);
  return {
    ...plan,
    sessions: plan.sessions.map((session) => ({ ...session, status: 'completed', completedAt: POC_AT })),
    criteria: plan.criteria.map((criterion) => ({ ...criterion, result: 'Shown', status: 'met' })),
    benchmarks: [
      {
        id: 'bench_1',
        workload: 'Dashboard p95',
        baselineLatencyMs: 2400,
        ourLatencyMs: 310,
        baselineCostMinor: 1_200_00,
        ourCostMinor: 400_00,
        currency: 'USD',
      },
    ],
    tco: { baselineAnnualMinor: 900_000_00, ourAnnualMinor: 420_000_00, currency: 'USD', note: null },
    signOff: {
      contactId: 'contact_2',
      signedAt: POC_AT,
      evidenceUrl: 'https://docs.example.com/plan',
      recordedBy: 'user_ae',
    },
    readout: { completedAt: POC_AT, recordedBy: 'user_se', note: null },
  };
}
