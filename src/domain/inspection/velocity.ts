import type { VelocitySettings } from '../playbook/inspection-settings.js';
import { type StageChangeFact, type StageInterval, stageIntervals } from './stage-intervals.js';

export const VELOCITY_CLASSES = ['fast_track', 'standard', 'at_risk', 'recovery'] as const;
export type VelocityClass = (typeof VELOCITY_CLASSES)[number];

export interface StallSnooze {
  until: Date;
  reason: string;
}

export interface VelocityInput {
  history: readonly StageChangeFact[];
  expectedDays: Record<string, number>;
  /** Stage names by key, for the reasons in words (a key stands for itself when absent). */
  stageNames?: Record<string, string>;
  settings: VelocitySettings;
  snooze: StallSnooze | null;
  now: Date;
}

export interface Velocity {
  class: VelocityClass;
  stage: string;
  daysInStage: number;
  expectedDays: number | null;
  /** Why, in words, with the numbers. */
  reasons: string[];
  snoozed: StallSnooze | null;
}

const isOpenEnded = (interval: StageInterval) => interval.leftAt === null;

/**
 * Fast Track / Standard / At Risk / Recovery from the deal's stage history (business days vs expected):
 * At Risk — stalled in the current stage beyond `stallRatio` × expected (unless the stall is snoozed), or
 * moved backward and not forward since; Recovery — was stalled or moved backward, and has moved forward
 * since; Fast Track — every stage left so far took at most `fastRatio` × expected and the current one is
 * within expected; Standard — everything else.
 */
export function classifyVelocity(input: VelocityInput): Velocity {
  const { settings, expectedDays, now } = input;
  const intervals = stageIntervals(input.history, now);
  const current = intervals.at(-1);
  if (!current) throw new Error('a deal has at least its creation in its history');
  const expectedOf = (interval: StageInterval) => expectedDays[interval.stage] ?? null;
  const named = (key: string) => input.stageNames?.[key] ?? key;
  const stalled = (interval: StageInterval) => {
    const expected = expectedOf(interval);
    return expected !== null && interval.businessDays > expected * settings.stallRatio;
  };
  const expected = expectedOf(current);
  const base = { stage: current.stage, daysInStage: current.businessDays, expectedDays: expected };
  const snoozed = input.snooze && input.snooze.until > now ? input.snooze : null;
  const open = isOpenEnded(current) && expected !== null;
  if (open && stalled(current)) {
    const stall = `${current.businessDays} business days in ${named(current.stage)}, expected ${expected}`;
    if (!snoozed) return { ...base, class: 'at_risk', reasons: [`Stalled: ${stall}.`], snoozed: null };
  }
  const setbacks = intervals.flatMap((interval, index) => {
    if (interval.leftBy === 'regress') return [{ index, why: `moved back from ${named(interval.stage)}` }];
    if (!isOpenEnded(interval) && stalled(interval)) {
      return [{ index, why: `stalled ${interval.businessDays} business days in ${named(interval.stage)}` }];
    }
    return [];
  });
  const lastSetback = setbacks.at(-1);
  const snoozeNote = snoozed
    ? [`Stall snoozed until ${snoozed.until.toISOString().slice(0, 10)}: ${snoozed.reason}.`]
    : [];
  if (lastSetback) {
    const movedOn = intervals.slice(lastSetback.index + 1).some((interval) => interval.leftBy === 'advance');
    const movedForwardOutOfStall =
      lastSetback.why.startsWith('stalled') && intervals[lastSetback.index]?.leftBy === 'advance';
    if (movedOn || movedForwardOutOfStall) {
      return {
        ...base,
        class: 'recovery',
        reasons: [`Recovered: ${lastSetback.why}, then moved forward.`, ...snoozeNote],
        snoozed,
      };
    }
    return {
      ...base,
      class: 'at_risk',
      reasons: [`Setback: ${lastSetback.why}; no forward move since.`, ...snoozeNote],
      snoozed,
    };
  }
  const left = intervals.filter((interval) => !isOpenEnded(interval) && expectedOf(interval) !== null);
  const fast =
    left.length > 0 &&
    left.every((interval) => interval.businessDays <= (expectedOf(interval) ?? 0) * settings.fastRatio) &&
    (!open || current.businessDays <= (expected ?? 0));
  if (fast) {
    const why = `Every stage so far took at most ${Math.round(settings.fastRatio * 100)}% of its expected time.`;
    return { ...base, class: 'fast_track', reasons: [why, ...snoozeNote], snoozed };
  }
  const pace =
    expected === null
      ? 'Closed.'
      : `${current.businessDays} of ${expected} expected business days in ${named(current.stage)}.`;
  return { ...base, class: 'standard', reasons: [pace, ...snoozeNote], snoozed };
}
