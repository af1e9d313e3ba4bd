import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealArbitrary, NOWS } from '../../../test/support/inspection-deals.js';
import { firebolt, northwind } from '../../../test/support/playbook-fixtures.js';
import { HEALTH_INDICATORS } from '../playbook/inspection-settings.js';
import { openStages } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
import { columnsFromDeals, type PlainDeal } from './columns-from-deals.js';
import { BANDS, NONE, STALLED_CAUSE, TOP_REASONS } from './compiled-health.js';
import { type CompiledPlaybook, compileExpectations, compilePlaybook } from './compiled-playbook.js';
import { allocateVerdicts, GATE_VERDICT, type VerdictColumns } from './deal-columns.js';
import { evaluateFast } from './fast-evaluator.js';
import { evaluatePlainly } from './plain-evaluation.js';
import { VELOCITY_CLASSES } from './velocity.js';

/**
 * Deals per playbook. CI: 50,000 each (100,000 in all, ~10 s of CPU; the plain path is half of it and cannot be
 * made cheaper here). `FAST_EVALUATOR_RUNS=100000` runs decision 024's 100,000 per playbook (~21 s of CPU).
 */
const RUNS = Number(process.env.FAST_EVALUATOR_RUNS ?? 50_000);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The plain evaluators' verdicts on one deal, as the keys compared. */
function plainVerdict(
  playbook: Playbook,
  days: Record<string, Record<string, number>>,
  deal: PlainDeal,
  now: Date,
) {
  const { gate, health, velocity, meddpicc, fixFirst } = evaluatePlainly(playbook, days, deal, now);
  const risks = health.reasons.filter((reason) => reason.kind === 'risk').sort((a, b) => a.points - b.points);
  return {
    gate: gate === null ? 'none' : gate.ok ? 'ok' : gate.error.code,
    missing:
      gate && !gate.ok && gate.error.code === 'gate_blocked'
        ? sorted(gate.error.missing.map((m) => `${m.kind}|${m.stage}|${m.key}`))
        : [],
    score: health.score,
    band: health.band,
    indicators: sorted(health.reasons.map((reason) => reason.indicator)),
    top: risks.slice(0, TOP_REASONS).map((reason) => reason.indicator),
    velocity: velocity.class,
    daysInStage: velocity.daysInStage,
    expectedDays: velocity.expectedDays,
    meddpicc: meddpicc.score,
    atRisk: health.band === 'red' || velocity.class === 'at_risk',
    fixFirst: fixFirst?.cause ?? null,
  };
}

/** The same keys read back from the fast path's typed verdicts. */
function fastVerdict(compiled: CompiledPlaybook, out: VerdictColumns, stage: number, d: number) {
  const words = compiled.missingWords;
  const start = compiled.moveStart[stage] ?? -1;
  const missing: string[] = [];
  for (let j = 0; start >= 0 && j < words * 32; j++)
    if (((out.missing[d * words + (j >>> 5)] ?? 0) >>> (j & 31)) & 1) {
      const name = compiled.requirements.names[start + j];
      missing.push(`${name?.kind}|${name?.stage}|${name?.key}`);
    }
  const mask = out.indicatorMask[d] ?? 0;
  const top = Array.from(out.topReasons.subarray(d * TOP_REASONS, (d + 1) * TOP_REASONS)).filter(
    (i) => i !== NONE,
  );
  const cause = out.fixFirstCause[d] ?? NONE;
  const expectedDays = out.expectedDays[d] ?? Number.NaN;
  return {
    gate:
      out.gate[d] === GATE_VERDICT.none ? 'none' : out.gate[d] === GATE_VERDICT.ok ? 'ok' : 'gate_blocked',
    missing: sorted(missing),
    score: out.score[d],
    band: BANDS[out.band[d] ?? 0],
    indicators: sorted(HEALTH_INDICATORS.filter((_, i) => mask & (1 << i))),
    top: top.map((i) => HEALTH_INDICATORS[i]),
    velocity: VELOCITY_CLASSES[out.velocityClass[d] ?? 0],
    daysInStage: out.daysInStage[d],
    expectedDays: Number.isNaN(expectedDays) ? null : expectedDays,
    meddpicc: out.meddpiccScore[d],
    atRisk: out.atRisk[d] === 1,
    fixFirst: cause === NONE ? null : cause === STALLED_CAUSE ? 'stalled' : HEALTH_INDICATORS[cause],
  };
}

/** Expected days per pipeline: the playbook's, with one fractional median per pipeline (the history source). */
function expectations(playbook: Playbook): Record<string, Record<string, number>> {
  return Object.fromEntries(
    playbook.pipelines.map((pipeline) => {
      const days = Object.fromEntries(
        openStages(pipeline).map((stage) => [stage.key, stage.expectedDays ?? 10]),
      );
      const [first] = Object.keys(days);
      if (first) days[first] = (days[first] ?? 10) + 0.5;
      return [pipeline.key, days];
    }),
  );
}

/** Field by field (lists by their items): JSON.stringify on every deal was a tenth of the run. */
function same(plain: Record<string, unknown>, fast: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(plain)) {
    const other = fast[key];
    if (Array.isArray(value) ? !Array.isArray(other) || value.join() !== other.join() : value !== other)
      return false;
  }
  return Object.keys(fast).length === Object.keys(plain).length;
}

/** Deals per sample: small batches keep the heap small (the garbage collector was a third of the time). */
const BATCH = 2_500;

/** Deal by deal, the first few disagreements between the two paths (none expected). */
function disagreements(playbook: Playbook, compiled: CompiledPlaybook, runs: number) {
  const days = expectations(playbook);
  const expected = compileExpectations(compiled, days);
  const arbitrary = dealArbitrary(playbook);
  const found: unknown[] = [];
  for (let done = 0, batch = 0; done < runs && found.length < 3; done += BATCH, batch++) {
    const now = NOWS[batch % NOWS.length] ?? new Date();
    const numRuns = Math.min(BATCH, runs - done);
    const deals = fc.sample(arbitrary, { seed: 15 + batch, numRuns }).map((make) => make(now));
    const columns = columnsFromDeals(compiled, deals);
    const out = allocateVerdicts(compiled, deals.length);
    evaluateFast(compiled, expected, columns, out, now.getTime());
    deals.forEach((deal, d) => {
      if (found.length >= 3) return;
      const plain = plainVerdict(playbook, days, deal, now);
      const fast = fastVerdict(compiled, out, columns.stage[d] ?? 0, d);
      if (!same(plain, fast)) found.push({ now, stage: deal.facts.stage, plain, fast });
    });
  }
  return found;
}

describe('evaluateFast agrees with the plain evaluators', () => {
  for (const [name, load] of [
    ['first shipped playbook', firebolt],
    ['second shipped playbook', northwind],
  ] as const) {
    it(`on ${RUNS.toLocaleString('en')} random deals of the ${name}`, () => {
      const playbook = load();
      expect(disagreements(playbook, compilePlaybook(playbook), RUNS)).toEqual([]);
    }, 120_000);
  }

  it('covers what it compares: open and closed stages, open and blocked gates, every velocity class and band', () => {
    const playbook = firebolt();
    const compiled = compilePlaybook(playbook);
    const now = NOWS[0] ?? new Date();
    const deals = fc.sample(dealArbitrary(playbook), { seed: 15, numRuns: 5_000 }).map((make) => make(now));
    const out = allocateVerdicts(compiled, deals.length);
    evaluateFast(
      compiled,
      compileExpectations(compiled, expectations(playbook)),
      columnsFromDeals(compiled, deals),
      out,
      now.getTime(),
    );
    expect(new Set(out.gate)).toEqual(new Set([0, 1, 2]));
    expect(new Set(out.velocityClass).size).toBe(VELOCITY_CLASSES.length);
    expect(new Set(out.band).size).toBe(BANDS.length);
    const seen = out.indicatorMask.reduce((all, mask) => all | mask, 0);
    expect(HEALTH_INDICATORS.filter((_, i) => !(seen & (1 << i)))).toEqual([]);
    // Every risk is some deal's fix-first cause, but the lightest (it leads only when no other risk holds), and
    // the stall, and none.
    expect(new Set(out.fixFirstCause).size).toBe(HEALTH_INDICATORS.length - 5 - 1 + 2);
  });
});
