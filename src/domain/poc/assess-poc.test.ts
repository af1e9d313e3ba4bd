import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import { newPocPlan, POC_AT, succeededPocPlan } from '../../../test/support/poc-fixtures.js';
import { assessPoc, planSignedOff, readoutCompleted, resultsMeetCriteria } from './assess-poc.js';
import type { PocPlan } from './poc-plan.js';

const playbook = firebolt();
const fresh = newPocPlan(playbook);
const done = succeededPocPlan(playbook);

const withCriterion = (plan: PocPlan, index: number, status: 'pending' | 'met' | 'not_met'): PocPlan => ({
  ...plan,
  criteria: plan.criteria.map((c, i) =>
    i === index ? { ...c, status, result: status === 'pending' ? null : 'r' } : c,
  ),
});
const withSession = (plan: PocPlan, key: string, status: 'planned' | 'completed' | 'cancelled'): PocPlan => ({
  ...plan,
  sessions: plan.sessions.map((s) =>
    s.templateKey === key ? { ...s, status, completedAt: status === 'completed' ? POC_AT : null } : s,
  ),
});
const withBenchmark = (plan: PocPlan, latency: [number, number], cost: [number, number]): PocPlan => ({
  ...plan,
  benchmarks: [
    {
      id: 'b',
      workload: 'Top-N query',
      baselineLatencyMs: latency[0],
      ourLatencyMs: latency[1],
      baselineCostMinor: cost[0],
      ourCostMinor: cost[1],
      currency: 'USD',
    },
  ],
});

describe('the template', () => {
  it('instantiates the five sessions and nine criteria of the seed, all pending', () => {
    expect(fresh.sessions.map((s) => [s.templateKey, s.durationMinutes])).toEqual([
      ['getting_started', 40],
      ['discovery', 60],
      ['hands_on', 45],
      ['validation', null],
      ['migration_planning', 60],
    ]);
    expect(fresh.sessions[0]?.agenda.map((a) => a.minutes)).toEqual([5, 5, 5, 20, 5]);
    expect(fresh.criteria.map((c) => c.group)).toEqual([
      ...Array(3).fill('technical'),
      ...Array(3).fill('business'),
      ...Array(3).fill('relationship'),
    ]);
    expect(fresh.criteria.every((c) => c.status === 'pending')).toBe(true);
  });
});

describe('assessPoc', () => {
  it.each([
    ['no plan', null, 'none'],
    ['a fresh plan', fresh, 'planned'],
    ['one session held', withSession(fresh, 'getting_started', 'completed'), 'in_progress'],
    ['a criterion met', withCriterion(fresh, 0, 'met'), 'in_progress'],
    ['a criterion not met', withCriterion(done, 4, 'not_met'), 'challenged'],
    ['everything done', done, 'succeeded'],
    ['all met but no validation session', withSession(done, 'validation', 'planned'), 'in_progress'],
    ['validation cancelled', withSession(done, 'validation', 'cancelled'), 'in_progress'],
    ['one criterion still pending', withCriterion(done, 8, 'pending'), 'in_progress'],
    ['Firebolt slower on a benchmark', withBenchmark(done, [100, 120], [10, 5]), 'challenged'],
    ['Firebolt costlier on a benchmark', withBenchmark(done, [100, 50], [10, 11]), 'challenged'],
    ['Firebolt equal on a benchmark', withBenchmark(done, [100, 100], [10, 10]), 'succeeded'],
    ['slower benchmark before anything else', withBenchmark(fresh, [1, 2], [1, 1]), 'challenged'],
  ] as const)('%s → %s', (_label, plan, status) => {
    const assessment = assessPoc(plan, 'validation');
    expect(assessment.status).toBe(status);
    expect(assessment.reasons.length).toBeGreaterThan(0);
  });

  it('names each challenge', () => {
    const plan = withBenchmark(withCriterion(done, 0, 'not_met'), [100, 300], [10, 20]);
    expect(assessPoc(plan, 'validation').reasons).toEqual([
      'Criterion not met: Performance improvements demonstrated through benchmarks (r).',
      'Benchmark "Top-N query": slower than the baseline (300 ms vs 100 ms).',
      'Benchmark "Top-N query": costlier than the baseline (0.20 USD vs 0.10 USD).',
    ]);
  });
});

describe('the facts the gate derives', () => {
  it.each([
    ['fresh', fresh, false],
    ['done', done, true],
    ['one pending', withCriterion(done, 2, 'pending'), false],
    ['one not met', withCriterion(done, 2, 'not_met'), false],
    ['a slower benchmark', withBenchmark(done, [1, 2], [1, 1]), false],
    ['no criteria at all', { ...done, criteria: [] as PocPlan['criteria'] }, false],
  ] as const)('resultsMeetCriteria: %s → %s', (_label, plan, expected) => {
    expect(resultsMeetCriteria(plan)).toBe(expected);
  });

  it.each([
    ['fresh', fresh, false, false],
    ['done', done, true, true],
    ['signed, no readout', { ...done, readout: null }, true, false],
  ] as const)('sign-off and readout: %s', (_label, plan, signed, readout) => {
    expect(planSignedOff(plan)).toBe(signed);
    expect(readoutCompleted(plan)).toBe(readout);
  });
});
