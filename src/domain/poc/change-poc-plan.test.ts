import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import { newPocPlan, POC_AT } from '../../../test/support/poc-fixtures.js';
import {
  addSession,
  changeCriterion,
  changeSession,
  recordReadout,
  removeBenchmark,
  saveBenchmark,
} from './change-poc-plan.js';
import type { PocPlan } from './poc-plan.js';

const playbook = firebolt();
const template = playbook.inspection.poc;
const plan = newPocPlan(playbook);
const LATER = new Date('2026-10-06T10:00:00Z');

function value(result: { ok: true; value: PocPlan } | { ok: false; error: { code: string } }): PocPlan {
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}
const sessionId = (p: PocPlan, key: string) => p.sessions.find((s) => s.templateKey === key)?.id ?? '';

describe('sessions', () => {
  it('schedules with attendees, then completes (stamping when)', () => {
    const id = sessionId(plan, 'getting_started');
    const scheduled = value(
      changeSession(
        plan,
        id,
        { scheduledAt: LATER, attendees: [{ name: 'Ana', email: 'ana@x.io' }] },
        POC_AT,
      ),
    );
    const held = value(changeSession(scheduled, id, { status: 'completed', notes: 'Good start' }, LATER));
    expect(held.sessions[0]).toMatchObject({ status: 'completed', completedAt: LATER, notes: 'Good start' });
    expect(held.sessions[0]?.attendees).toEqual([{ name: 'Ana', email: 'ana@x.io' }]);
  });

  it.each([
    ['completed → cancelled', 'completed', 'cancelled', 'conflict'],
    ['completed → planned', 'completed', 'planned', 'conflict'],
    ['cancelled → planned', 'cancelled', 'planned', null],
    ['planned → cancelled', 'planned', 'cancelled', null],
  ] as const)('%s', (_label, from, to, error) => {
    const id = sessionId(plan, 'discovery');
    const start = value(changeSession(plan, id, { status: from }, POC_AT));
    const result = changeSession(start, id, { status: to }, LATER);
    expect(result.ok ? null : result.error.code).toBe(error);
  });

  it('refuses an unknown session', () => {
    expect(changeSession(plan, 'nope', { status: 'completed' }, POC_AT)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('adds further Hands-On sessions, numbered, but no second Getting Started', () => {
    const twice = value(
      addSession(
        value(addSession(plan, template, 'hands_on', 's2', POC_AT)),
        template,
        'hands_on',
        's3',
        POC_AT,
      ),
    );
    expect(
      twice.sessions.filter((s) => s.templateKey === 'hands_on').map((s) => [s.name, s.sequence]),
    ).toEqual([
      ['Hands-On Working Sessions', 1],
      ['Hands-On Working Sessions #2', 2],
      ['Hands-On Working Sessions #3', 3],
    ]);
    expect(addSession(plan, template, 'getting_started', 's4', POC_AT)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

describe('criteria, benchmarks and readout', () => {
  it('needs a result before a verdict', () => {
    const id = plan.criteria[0]?.id ?? '';
    expect(changeCriterion(plan, id, { status: 'met' }, POC_AT)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const met = value(
      changeCriterion(plan, id, { target: 'p95 < 1 s', result: 'p95 0.3 s', status: 'met' }, POC_AT),
    );
    expect(met.criteria[0]).toMatchObject({ target: 'p95 < 1 s', result: 'p95 0.3 s', status: 'met' });
  });

  it('adds then edits a benchmark; editing an unknown one is not found', () => {
    const bench = {
      id: 'b1',
      workload: 'q1',
      baselineLatencyMs: 9,
      ourLatencyMs: 3,
      baselineCostMinor: 5,
      ourCostMinor: 2,
      currency: 'USD',
    };
    const added = value(saveBenchmark(plan, bench, POC_AT, false));
    const edited = value(saveBenchmark(added, { ...bench, ourLatencyMs: 2 }, POC_AT, true));
    expect(edited.benchmarks).toEqual([{ ...bench, ourLatencyMs: 2 }]);
    expect(saveBenchmark(plan, bench, POC_AT, true)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(value(removeBenchmark(edited, 'b1', LATER))).toMatchObject({ benchmarks: [], updatedAt: LATER });
    expect(removeBenchmark(edited, 'b2', LATER)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('records the readout only after the validation session', () => {
    const readout = { completedAt: LATER, recordedBy: 'user_se', note: null };
    expect(recordReadout(plan, readout, LATER, 'validation')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const validated = value(
      changeSession(plan, sessionId(plan, 'validation'), { status: 'completed' }, LATER),
    );
    expect(value(recordReadout(validated, readout, LATER, 'validation')).readout).toEqual(readout);
  });
});
