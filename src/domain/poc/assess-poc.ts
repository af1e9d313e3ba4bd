import type { PocBenchmark, PocPlan, PocStatus } from './poc-plan.js';

/** What a POC plan says about the deal: its status with reasons, and the facts the gate derives criteria from. */
export interface PocAssessment {
  status: PocStatus;
  reasons: string[];
  resultsMeetCriteria: boolean;
  readoutCompleted: boolean;
  planSignedOff: boolean;
  criteria: { total: number; met: number; notMet: number; pending: number };
  sessions: { total: number; completed: number; validationCompleted: boolean };
}

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/**
 * Why a benchmark counts against us (slower or costlier than the customer's baseline); empty when it does not.
 * The words name no company: the reasons reach every playbook's screens and gate messages.
 */
export function benchmarkShortfalls(benchmark: PocBenchmark): string[] {
  const shortfalls: string[] = [];
  if (benchmark.ourLatencyMs > benchmark.baselineLatencyMs) {
    shortfalls.push(
      `Benchmark "${benchmark.workload}": slower than the baseline (${benchmark.ourLatencyMs} ms vs ${benchmark.baselineLatencyMs} ms).`,
    );
  }
  if (benchmark.ourCostMinor > benchmark.baselineCostMinor) {
    shortfalls.push(
      `Benchmark "${benchmark.workload}": costlier than the baseline (${money(benchmark.ourCostMinor, benchmark.currency)} vs ${money(benchmark.baselineCostMinor, benchmark.currency)}).`,
    );
  }
  return shortfalls;
}

/** Every success criterion is met and no benchmark has us slower or costlier than the baseline. */
export function resultsMeetCriteria(plan: PocPlan): boolean {
  return (
    plan.criteria.length > 0 &&
    plan.criteria.every((criterion) => criterion.status === 'met') &&
    plan.benchmarks.every((benchmark) => benchmarkShortfalls(benchmark).length === 0)
  );
}

export const readoutCompleted = (plan: PocPlan): boolean => plan.readout !== null;

export const planSignedOff = (plan: PocPlan): boolean => plan.signOff !== null;

/** The session where the results are presented (the playbook's `resultsSession`) has been held. */
export function resultsSessionHeld(plan: PocPlan, resultsSession: string | undefined): boolean {
  return plan.sessions.some(
    (session) => session.templateKey === resultsSession && session.status === 'completed',
  );
}

function hasStarted(plan: PocPlan): boolean {
  return (
    plan.sessions.some((session) => session.status === 'completed') ||
    plan.criteria.some((criterion) => criterion.status !== 'pending' || criterion.result !== null) ||
    plan.benchmarks.length > 0
  );
}

/**
 * none: no plan · challenged: a criterion not met, or a benchmark where we are slower or costlier ·
 * succeeded: the results session (the seed: POC Validation) held and every criterion met · in_progress: something done · planned.
 */
export function assessPoc(plan: PocPlan | null, resultsSession: string | undefined): PocAssessment {
  if (!plan) {
    return {
      status: 'none',
      reasons: ['No POC plan.'],
      resultsMeetCriteria: false,
      readoutCompleted: false,
      planSignedOff: false,
      criteria: { total: 0, met: 0, notMet: 0, pending: 0 },
      sessions: { total: 0, completed: 0, validationCompleted: false },
    };
  }
  const count = (status: string) => plan.criteria.filter((criterion) => criterion.status === status).length;
  const criteria = {
    total: plan.criteria.length,
    met: count('met'),
    notMet: count('not_met'),
    pending: count('pending'),
  };
  const live = plan.sessions.filter((session) => session.status !== 'cancelled');
  const sessions = {
    total: live.length,
    completed: live.filter((session) => session.status === 'completed').length,
    validationCompleted: resultsSessionHeld(plan, resultsSession),
  };
  const base = {
    resultsMeetCriteria: resultsMeetCriteria(plan),
    readoutCompleted: readoutCompleted(plan),
    planSignedOff: planSignedOff(plan),
    criteria,
    sessions,
  };
  const challenges = [
    ...plan.criteria
      .filter((criterion) => criterion.status === 'not_met')
      .map(
        (criterion) =>
          `Criterion not met: ${criterion.text}${criterion.result ? ` (${criterion.result})` : ''}.`,
      ),
    ...plan.benchmarks.flatMap(benchmarkShortfalls),
  ];
  if (challenges.length > 0) return { ...base, status: 'challenged', reasons: challenges };
  if (sessions.validationCompleted && criteria.total > 0 && criteria.met === criteria.total) {
    return {
      ...base,
      status: 'succeeded',
      reasons: [`Validation session held; all ${criteria.total} success criteria met.`],
    };
  }
  const progress = `${sessions.completed} of ${sessions.total} sessions held; ${criteria.met} of ${criteria.total} criteria met.`;
  return hasStarted(plan)
    ? { ...base, status: 'in_progress', reasons: [progress] }
    : { ...base, status: 'planned', reasons: [progress] };
}
