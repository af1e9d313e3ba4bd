import { changeCriterion, removeBenchmark, saveBenchmark, setTco } from '../../domain/poc/change-poc-plan.js';
import { ok } from '../../domain/result.js';
import type { Actor, AppContext } from '../context.js';
import { changePoc } from './change-poc.js';
import type { PocBenchmarkInput, PocCriterionChangeInput, PocTcoInput } from './poc-inputs.js';

/** Records a success criterion's target, result and verdict (met / not met). */
export function updatePocCriterion(
  context: AppContext,
  actor: Actor,
  id: string,
  criterionId: string,
  input: PocCriterionChangeInput,
  expectedVersion?: number,
) {
  return changePoc(
    context,
    actor,
    id,
    {
      action: 'opportunity.poc_criterion_updated',
      decide: (plan, _deal, now) => changeCriterion(plan, criterionId, input, now),
      audit: (before, after) => ({
        before: before.criteria.find((criterion) => criterion.id === criterionId) ?? null,
        after: after.criteria.find((criterion) => criterion.id === criterionId) ?? null,
      }),
    },
    expectedVersion,
  );
}

/** Adds a benchmark result (no `benchmarkId`) or replaces an existing one. */
export function savePocBenchmark(
  context: AppContext,
  actor: Actor,
  id: string,
  benchmarkId: string | null,
  input: PocBenchmarkInput,
  expectedVersion?: number,
) {
  const benchmark = { id: benchmarkId ?? context.newId('pocb'), ...input };
  return changePoc(
    context,
    actor,
    id,
    {
      action: benchmarkId ? 'opportunity.poc_benchmark_updated' : 'opportunity.poc_benchmark_added',
      decide: (plan, _deal, now) => saveBenchmark(plan, benchmark, now, benchmarkId !== null),
      audit: (before) => ({
        before: before.benchmarks.find((candidate) => candidate.id === benchmark.id) ?? null,
        after: benchmark,
      }),
    },
    expectedVersion,
  );
}

/** Removes a benchmark result entered by mistake (the audit event keeps what it said). */
export function removePocBenchmark(
  context: AppContext,
  actor: Actor,
  id: string,
  benchmarkId: string,
  expectedVersion?: number,
) {
  return changePoc(
    context,
    actor,
    id,
    {
      action: 'opportunity.poc_benchmark_removed',
      decide: (plan, _deal, now) => removeBenchmark(plan, benchmarkId, now),
      audit: (before) => ({
        before: before.benchmarks.find((candidate) => candidate.id === benchmarkId) ?? null,
        after: null,
      }),
    },
    expectedVersion,
  );
}

/** Sets the cost comparison: the baseline's annual cost and ours. */
export function setPocTco(
  context: AppContext,
  actor: Actor,
  id: string,
  input: PocTcoInput,
  expectedVersion?: number,
) {
  const tco = { ...input, note: input.note ?? null };
  return changePoc(
    context,
    actor,
    id,
    {
      action: 'opportunity.poc_tco_set',
      decide: (plan, _deal, now) => ok(setTco(plan, tco, now)),
      audit: (before) => ({ before: before.tco, after: tco }),
    },
    expectedVersion,
  );
}
