import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import { expectedDurations } from './expected-durations.js';
import type { StageChangeFact, StageChangeKind } from './stage-intervals.js';
import { classifyVelocity, type StallSnooze } from './velocity.js';

const SETTINGS = { historyThreshold: 20, fastRatio: 0.5, stallRatio: 1.5 };
const EXPECTED = { created: 10, discover: 20, poc: 30, propose: 15, negotiate: 15, signature: 10 };
/** Mondays, so business days are easy to count: 2026-11-02 is a Monday. */
const monday = (week: number) => new Date(Date.UTC(2026, 10, 2 + 7 * week, 9));
const plusBusinessDays = (from: Date, days: number) => {
  const at = new Date(from);
  for (let added = 0; added < days; ) {
    at.setUTCDate(at.getUTCDate() + 1);
    if (at.getUTCDay() !== 0 && at.getUTCDay() !== 6) added++;
  }
  return at;
};

/** A history from steps of [stage, kind, business days after the previous step]. */
function history(start: Date, steps: Array<[string, StageChangeKind, number]>): StageChangeFact[] {
  let at = start;
  return steps.map(([toStage, kind, days]) => {
    at = plusBusinessDays(at, days);
    return { toStage, kind, at };
  });
}

function classify(
  steps: Array<[string, StageChangeKind, number]>,
  daysSinceLast: number,
  snooze: StallSnooze | null = null,
) {
  const facts = history(monday(0), steps);
  const now = plusBusinessDays(facts.at(-1)?.at ?? monday(0), daysSinceLast);
  return classifyVelocity({ history: facts, expectedDays: EXPECTED, settings: SETTINGS, snooze, now });
}

describe('velocity classes', () => {
  it.each<[string, Array<[string, StageChangeKind, number]>, number, string]>([
    ['a new deal on pace', [['created', 'create', 0]], 5, 'standard'],
    ['exactly at the expected duration', [['created', 'create', 0]], 10, 'standard'],
    ['exactly at the stall threshold (1.5 × 10)', [['created', 'create', 0]], 15, 'standard'],
    ['one day past the stall threshold', [['created', 'create', 0]], 16, 'at_risk'],
    [
      'every stage left within half its expected time',
      [
        ['created', 'create', 0],
        ['discover', 'advance', 5],
        ['poc', 'advance', 10],
      ],
      3,
      'fast_track',
    ],
    [
      'a stage left at just over half its expected time',
      [
        ['created', 'create', 0],
        ['discover', 'advance', 6],
      ],
      3,
      'standard',
    ],
    [
      'fast so far but now past the expected time',
      [
        ['created', 'create', 0],
        ['discover', 'advance', 5],
      ],
      21,
      'standard',
    ],
    [
      'moved back and not forward since',
      [
        ['created', 'create', 0],
        ['discover', 'advance', 8],
        ['poc', 'advance', 15],
        ['discover', 'regress', 5],
      ],
      2,
      'at_risk',
    ],
    [
      'moved back, then forward again',
      [
        ['created', 'create', 0],
        ['discover', 'advance', 8],
        ['poc', 'advance', 15],
        ['discover', 'regress', 5],
        ['poc', 'advance', 6],
      ],
      2,
      'recovery',
    ],
    [
      'stalled in a stage it has since left forward',
      [
        ['created', 'create', 0],
        ['discover', 'advance', 25],
      ],
      2,
      'recovery',
    ],
  ])('%s → %s', (_name, steps, daysSinceLast, expected) => {
    expect(classify(steps, daysSinceLast).class).toBe(expected);
  });

  it('explains a stall with the numbers', () => {
    const velocity = classify([['created', 'create', 0]], 16);
    expect(velocity).toMatchObject({ stage: 'created', daysInStage: 16, expectedDays: 10 });
    expect(velocity.reasons).toEqual(['Stalled: 16 business days in created, expected 10.']);
    const named = classifyVelocity({
      history: history(monday(0), [['created', 'create', 0]]),
      expectedDays: EXPECTED,
      stageNames: { created: 'Opportunity Created' },
      settings: SETTINGS,
      snooze: null,
      now: plusBusinessDays(monday(0), 16),
    });
    expect(named.reasons).toEqual(['Stalled: 16 business days in Opportunity Created, expected 10.']);
  });

  it('counts business days: a weekend does not stall a deal', () => {
    const friday = new Date(Date.UTC(2026, 10, 6, 9));
    const facts: StageChangeFact[] = [{ toStage: 'created', kind: 'create', at: friday }];
    const nextMonday = new Date(Date.UTC(2026, 10, 9, 9));
    const velocity = classifyVelocity({
      history: facts,
      expectedDays: { created: 1 },
      settings: SETTINGS,
      snooze: null,
      now: nextMonday,
    });
    expect(velocity).toMatchObject({ daysInStage: 1, class: 'standard' });
  });

  it('does not call a snoozed stall at risk until the snooze ends', () => {
    const snooze = {
      until: new Date(Date.UTC(2027, 0, 15)),
      reason: 'Customer budget freeze until mid-January',
    };
    const snoozed = classify([['created', 'create', 0]], 16, snooze);
    expect(snoozed.class).toBe('standard');
    expect(snoozed.snoozed).toEqual(snooze);
    expect(snoozed.reasons.at(-1)).toBe(
      'Stall snoozed until 2027-01-15: Customer budget freeze until mid-January.',
    );
    const expired = classify([['created', 'create', 0]], 16, {
      ...snooze,
      until: new Date(Date.UTC(2026, 10, 3)),
    });
    expect(expired.class).toBe('at_risk');
  });

  it('classifies a closed deal by how it got there', () => {
    const won = classify(
      [
        ['created', 'create', 0],
        ['discover', 'advance', 4],
        ['closed_won', 'close_won', 8],
      ],
      30,
    );
    expect(won.class).toBe('fast_track');
    expect(won.expectedDays).toBeNull();
  });
});

describe('expected durations', () => {
  const pipeline = firebolt().pipelines[0];
  if (!pipeline) throw new Error('no pipeline');
  const closed = (created: number, discover: number): StageChangeFact[] =>
    history(monday(0), [
      ['created', 'create', 0],
      ['discover', 'advance', created],
      ['poc', 'advance', discover],
      ['closed_lost', 'close_lost', 3],
    ]);

  it('come from the playbook until the threshold of closed deals', () => {
    const result = expectedDurations(
      pipeline,
      Array.from({ length: 19 }, () => closed(2, 4)),
      20,
    );
    expect(result).toMatchObject({ source: 'playbook', closedDeals: 19 });
    expect(result.days).toMatchObject({ created: 10, discover: 20, poc: 30 });
  });

  it('come from the median of closed deals once there are enough, per stage', () => {
    const histories = [
      ...Array.from({ length: 10 }, () => closed(2, 4)),
      ...Array.from({ length: 11 }, () => closed(6, 8)),
    ];
    const result = expectedDurations(pipeline, histories, 20);
    expect(result).toMatchObject({ source: 'history', closedDeals: 21 });
    expect(result.days).toMatchObject({ created: 6, discover: 8, poc: 30 });
  });
});
