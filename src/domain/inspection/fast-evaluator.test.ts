import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signedAndAccepted } from '../../../test/support/closing-facts-fixtures.js';
import { firebolt, northwind } from '../../../test/support/playbook-fixtures.js';
import { ACTIVITY_KINDS, type ActivityFact } from '../activity/activity.js';
import { planStageChange } from '../gates/plan-stage-change.js';
import { HEALTH_INDICATORS } from '../playbook/inspection-settings.js';
import { allCriteria, findPipeline, forwardPath, openStages } from '../playbook/lookup.js';
import { MEDDPICC_LEVELS, type Playbook } from '../playbook/playbook.js';
import { scoreMeddpicc } from '../qualification/meddpicc-score.js';
import { businessDaysBetween } from './business-days.js';
import { columnsFromDeals, type PlainDeal } from './columns-from-deals.js';
import { BANDS, NONE, STALLED_CAUSE, TOP_REASONS } from './compiled-health.js';
import { type CompiledPlaybook, compileExpectations, compilePlaybook } from './compiled-playbook.js';
import { allocateVerdicts, GATE_VERDICT, type VerdictColumns } from './deal-columns.js';
import { evaluateFast, POC_STATUSES } from './fast-evaluator.js';
import { STAGE_CHANGE_KINDS } from './fast-velocity.js';
import { fixFirst } from './fix-first.js';
import { assessHealth } from './health.js';
import type { StageChangeFact } from './stage-intervals.js';
import { classifyVelocity, VELOCITY_CLASSES } from './velocity.js';

/** Deals per playbook (decision 024 §3: 100,000); FAST_EVALUATOR_RUNS explores more or fewer. */
const RUNS = Number(process.env.FAST_EVALUATOR_RUNS ?? 100_000);
const DAY = 86_400_000;
/** Evaluation instants near weekends and month ends (Fri, Sat, Sun, Mon; the last day of a month; a leap day). */
const NOWS = [
  '2026-11-27T17:45:00Z',
  '2026-11-28T00:00:00Z',
  '2026-11-29T23:59:59Z',
  '2026-11-30T08:00:00Z',
  '2026-12-31T12:30:00Z',
  '2027-01-31T06:00:00Z',
  '2027-02-26T21:00:00Z',
  '2028-02-29T10:00:00Z',
].map((iso) => new Date(iso));

/** Deals relative to `now`: every stage (closed ones too), levels, attestations, POC, history walks, signals. */
function dealArbitrary(playbook: Playbook) {
  const attested = [
    ...new Set(
      allCriteria(playbook)
        .filter((c) => c.criterion.source.kind === 'attested')
        .map((c) => c.criterion.key),
    ),
  ];
  const small = (max: number) => fc.integer({ min: 0, max });
  const daysAgo = fc.integer({ min: -5 * DAY, max: 150 * DAY });
  return fc
    .record({
      pipeline: small(9),
      stage: small(99),
      /** 0–100: how much of what the gate asks is there (so that gates open too). */
      density: small(100),
      /** Seeds the per-item rolls against `density` (one number instead of an array of rolls: sampling stays quick). */
      rolls: fc.integer({ min: 1, max: 0x7fffffff }),
      source: small(playbook.leadSources.length),
      closeIn: fc.integer({ min: -40, max: 160 }),
      fits: fc.boolean(),
      uplift: small(3),
      poc: small(5),
      closing: small(3),
      activities: fc.array(fc.tuple(small(3), daysAgo), { maxLength: 4 }),
      walk: fc.array(fc.tuple(small(4), small(9), fc.integer({ min: 0, max: 50 * DAY })), { maxLength: 6 }),
      emptyHistory: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      sinceLastStep: fc.integer({ min: 0, max: 90 * DAY }),
      snooze: fc.option(fc.integer({ min: -10, max: 20 }), { freq: 3 }),
      pushes: fc.array(fc.tuple(daysAgo, fc.boolean()), { maxLength: 4 }),
      stakeholders: fc.array(daysAgo, { maxLength: 2 }),
      overrides: small(2),
      pushCount: small(3),
      lastActivity: fc.option(daysAgo, { freq: 4 }),
    })
    .map((raw) => (now: Date): PlainDeal => {
      const pipeline = playbook.pipelines[raw.pipeline % playbook.pipelines.length] ?? playbook.pipelines[0];
      if (!pipeline) throw new Error('no pipeline');
      let state = raw.rolls;
      const has = () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) % 100 < raw.density;
      };
      const at = (ago: number) => new Date(now.getTime() - ago);
      // A walk along the pipeline: advance (maybe skipping), regress, close lost or won, reopen.
      const history: StageChangeFact[] = [];
      const total = raw.walk.reduce((sum, [, , gap]) => sum + gap, 0) + raw.sinceLastStep;
      let when = now.getTime() - total;
      const open = openStages(pipeline);
      const path = forwardPath(pipeline);
      let stage = open[0]?.key ?? '';
      history.push({ toStage: stage, kind: 'create', at: new Date(when) });
      for (const [move, target, gap] of raw.walk) {
        when += gap;
        const current = pipeline.stages.find((s) => s.key === stage);
        const index = path.findIndex((s) => s.key === stage);
        let next: StageChangeFact | null = null;
        if (current?.outcome !== 'open') {
          const to = open[target % open.length];
          if (to) next = { toStage: to.key, kind: 'reopen', at: new Date(when) };
        } else if (move <= 1 && path[index + 1 + (move === 1 ? target % 2 : 0)]) {
          const to = path[index + 1 + (move === 1 ? target % 2 : 0)];
          const kind = to?.outcome === 'won' ? 'close_won' : 'advance';
          if (to && (kind === 'advance' || index === open.length - 1))
            next = { toStage: to.key, kind, at: new Date(when) };
        } else if (move === 2 && index > 0) {
          const to = open[target % index];
          if (to) next = { toStage: to.key, kind: 'regress', at: new Date(when) };
        } else if (move === 3) {
          const lost = pipeline.stages.find((s) => s.outcome === 'lost');
          if (lost) next = { toStage: lost.key, kind: 'close_lost', at: new Date(when) };
        }
        if (next) {
          history.push(next);
          stage = next.toStage;
        }
      }
      const emptyHistory = raw.emptyHistory;
      if (emptyHistory) stage = pipeline.stages[raw.stage % pipeline.stages.length]?.key ?? stage;
      const level = () => MEDDPICC_LEVELS[has() ? 2 : has() ? 1 : 0] ?? 'unknown';
      const meddpicc = Object.fromEntries(
        playbook.qualification.elements.map((e) => [
          e.key,
          { level: level(), summary: null, contactId: null },
        ]),
      );
      const attestations = Object.fromEntries(
        attested
          .filter(() => has())
          .map((key) => [
            key,
            { attestedBy: 'u', attestedAt: now, note: null, evidenceUrl: has() ? 'https://e.example' : null },
          ]),
      );
      const milestones = Object.fromEntries(
        playbook.milestones.filter(() => has()).map((m) => [m.key, { achievedAt: now, recordedBy: 'u' }]),
      );
      const activities: ActivityFact[] = raw.activities.map(([kind, ago], index) => ({
        id: `act_${index}`,
        kind: ACTIVITY_KINDS[kind] ?? 'call',
        occurredAt: at(Math.abs(ago)),
        summary: 'Talked.',
      }));
      const status = POC_STATUSES[raw.poc % POC_STATUSES.length] ?? 'none';
      const poc =
        raw.poc === 5
          ? null
          : {
              status,
              reasons: [],
              resultsMeetCriteria: has(),
              readoutCompleted: has(),
              planSignedOff: has(),
              criteria: { total: 3, met: 1, notMet: 1, pending: 1 },
              sessions: { total: 3, completed: 1, validationCompleted: false },
            };
      const closing =
        [
          null,
          signedAndAccepted(),
          signedAndAccepted({ status: 'sent_for_signature' }),
          signedAndAccepted({ awsOfferStatus: 'released' }),
        ][raw.closing] ?? null;
      const closeDate = new Date(now.getTime() + raw.closeIn * DAY).toISOString().slice(0, 10);
      const uplift =
        raw.uplift === 0
          ? null
          : {
              fits: [true, false, null][raw.uplift - 1] ?? null,
              upliftPct: null,
              expectedType: null,
              previousContract: null,
              message: 'uplift',
            };
      return {
        facts: {
          type: 'new',
          pipeline: pipeline.key,
          stage,
          source: playbook.leadSources[raw.source]?.key ?? 'elsewhere',
          amountMinor: has() ? 1000 : 0,
          closeDate,
          nextStep: has() ? 'Call' : has() ? '  ' : null,
          description: has() ? 'Deal' : null,
          meddpicc,
          attestations,
          poc,
          milestones,
          uplift,
          activities,
          customerFit: { fits: raw.fits, message: 'fit' },
          closing,
        },
        history: emptyHistory ? [] : history,
        stageEnteredAt: new Date(now.getTime() - raw.sinceLastStep),
        snooze:
          raw.snooze === null
            ? null
            : {
                until: new Date(
                  `${new Date(now.getTime() + raw.snooze * DAY).toISOString().slice(0, 10)}T00:00:00Z`,
                ),
                reason: 'Waiting.',
              },
        signals: {
          closeDateChanges: raw.pushes.map(([ago, later]) => ({
            at: at(ago),
            from: '2027-01-15',
            to: later ? '2027-02-15' : '2026-12-15',
          })),
          stakeholderChanges: raw.stakeholders.map((ago) => ({ at: at(ago), description: 'Champion left.' })),
          overrides: Array.from({ length: raw.overrides }, () => ({
            at: now,
            by: 'rvp',
            justification: 'Forced.',
            to: stage,
          })),
        },
        pushCount: raw.pushCount,
        lastActivity: raw.lastActivity === null ? null : { at: at(raw.lastActivity), kind: 'call' },
        createdAt: history[0]?.at ?? now,
      };
    });
}

const ACTOR = { id: 'u', canOverride: false, canReopen: false };
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** assessDeal's composition (src/app/inspection/assess-deal.ts) and the gate of the next forward move, as compared keys. */
function plainVerdict(
  playbook: Playbook,
  days: Record<string, Record<string, number>>,
  deal: PlainDeal,
  now: Date,
) {
  const { facts } = deal;
  const pipeline = findPipeline(playbook, facts.pipeline);
  if (!pipeline) throw new Error('pipeline');
  const history =
    deal.history.length > 0
      ? deal.history
      : [{ toStage: facts.stage, kind: 'create' as const, at: deal.stageEnteredAt }];
  const expected = days[pipeline.key] ?? {};
  const velocity = classifyVelocity({
    history,
    expectedDays: expected,
    settings: playbook.inspection.velocity,
    snooze: deal.snooze,
    now,
  });
  const stages = openStages(pipeline);
  const next = stages[stages.findIndex((stage) => stage.key === facts.stage) + 1];
  const health = assessHealth(playbook, pipeline, {
    pipeline: pipeline.key,
    stage: facts.stage,
    meddpicc: facts.meddpicc,
    poc: facts.poc
      ? { status: facts.poc.status, reasons: facts.poc.reasons }
      : { status: 'none', reasons: [] },
    closeDate: facts.closeDate,
    ...deal.signals,
    pushCount: deal.pushCount,
    businessDaysToClose: businessDaysBetween(now, new Date(`${facts.closeDate}T12:00:00Z`)),
    expectedBusinessDaysThroughNext:
      Math.max(0, (velocity.expectedDays ?? 0) - velocity.daysInStage) +
      (next ? (expected[next.key] ?? 0) : 0),
    daysInStage: velocity.daysInStage,
    expectedDaysInStage: velocity.expectedDays,
    lastActivity: deal.lastActivity,
    createdAt: deal.createdAt,
    now,
  });
  const path = forwardPath(pipeline);
  const to = stages.some((stage) => stage.key === facts.stage)
    ? path[path.findIndex((stage) => stage.key === facts.stage) + 1]
    : undefined;
  const gate = to ? planStageChange(playbook, facts, { to: to.key }, ACTOR, now) : null;
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
    meddpicc: scoreMeddpicc(playbook, pipeline, facts.stage, facts.meddpicc).score,
    atRisk: health.band === 'red' || velocity.class === 'at_risk',
    fixFirst: fixFirst(playbook, health, velocity)?.cause ?? null,
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
      if (JSON.stringify(plain) !== JSON.stringify(fast))
        found.push({ now, stage: deal.facts.stage, plain, fast });
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
    expect(new Set(out.fixFirstCause).size).toBeGreaterThan(6);
    expect(STAGE_CHANGE_KINDS).toHaveLength(6);
  });
});
