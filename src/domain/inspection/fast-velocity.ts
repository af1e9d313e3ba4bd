import { businessDaysBetweenDays } from './business-days.js';
import type { CompiledPlaybook } from './compiled-playbook.js';
import type { DealColumns, VerdictColumns } from './deal-columns.js';
import type { StageChangeKind } from './stage-intervals.js';
import { VELOCITY_CLASSES } from './velocity.js';

/** Stage-change kinds by code (a deal's `historyKind`). */
export const STAGE_CHANGE_KINDS = [
  'create',
  'advance',
  'regress',
  'close_won',
  'close_lost',
  'reopen',
] as const satisfies readonly StageChangeKind[];
const ADVANCE = STAGE_CHANGE_KINDS.indexOf('advance');
const REGRESS = STAGE_CHANGE_KINDS.indexOf('regress');
const [FAST_TRACK, STANDARD, AT_RISK, RECOVERY] = VELOCITY_CLASSES.map((_, index) => index) as [
  number,
  number,
  number,
  number,
];
export const VELOCITY_AT_RISK = AT_RISK;

/** Business days of visit i of a packed history: to the next change, or to today for the last. */
function daysOf(historyDay: Int32Array, i: number, last: number, nowDay: number): number {
  return businessDaysBetweenDays(historyDay[i] ?? 0, i < last ? (historyDay[i + 1] ?? 0) : nowDay);
}

/**
 * `classifyVelocity` over deal `d`'s packed history (velocity.ts, the same rules in the same order) without
 * building intervals: writes days in stage and the expectation to `out` and returns the VELOCITY_CLASSES index.
 */
export function fastVelocity(
  compiled: CompiledPlaybook,
  expected: Float64Array,
  deals: DealColumns,
  d: number,
  nowDay: number,
  nowMs: number,
  out: VerdictColumns,
): number {
  const { historyStage, historyKind, historyDay } = deals;
  const first = deals.historyOffsets[d] ?? 0;
  const last = (deals.historyOffsets[d + 1] ?? 0) - 1;
  const { stallRatio, fastRatio } = compiled;
  const currentDays = daysOf(historyDay, last, last, nowDay);
  const currentExpected = expected[historyStage[last] ?? 0] ?? Number.NaN;
  out.daysInStage[d] = currentDays;
  out.expectedDays[d] = currentExpected;
  const open = !Number.isNaN(currentExpected);
  const snoozed = (deals.snoozeUntilMs[d] ?? Number.NaN) > nowMs;
  if (open && currentDays > currentExpected * stallRatio && !snoozed) return AT_RISK;
  let setback = -1;
  let setbackIsStall = false;
  let leftCount = 0;
  let allFast = true;
  for (let i = first; i < last; i++) {
    const leftBy = historyKind[i + 1];
    const expectedDays = expected[historyStage[i] ?? 0] ?? Number.NaN;
    const spent = daysOf(historyDay, i, last, nowDay);
    const known = !Number.isNaN(expectedDays);
    if (leftBy === REGRESS) {
      setback = i;
      setbackIsStall = false;
    } else if (known && spent > expectedDays * stallRatio) {
      setback = i;
      setbackIsStall = true;
    }
    if (known) {
      leftCount++;
      if (spent > expectedDays * fastRatio) allFast = false;
    }
  }
  if (setback >= 0) {
    if (setbackIsStall && historyKind[setback + 1] === ADVANCE) return RECOVERY;
    for (let j = setback + 1; j < last; j++) if (historyKind[j + 1] === ADVANCE) return RECOVERY;
    return AT_RISK;
  }
  const fast = leftCount > 0 && allFast && (!open || currentDays <= currentExpected);
  return fast ? FAST_TRACK : STANDARD;
}
