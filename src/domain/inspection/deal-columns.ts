import { TOP_REASONS } from './compiled-health.js';
import type { CompiledPlaybook } from './compiled-playbook.js';

/** "No such day" in a day-number column (no last activity). */
export const NO_DAY = -2_147_483_648;

/**
 * Deals as struct-of-arrays for `evaluateFast`: one typed array per field, lists packed with offsets
 * (deal i's entries are [offsets[i], offsets[i + 1])). Days are UTC day numbers (`dayNumber`); instants
 * that rules compare to the millisecond stay epoch milliseconds.
 */
export interface DealColumns {
  count: number;
  /** Global stage index (compiled.stageKeys). */
  stage: Uint16Array;
  /** 1 << the lead source's index; 0 for a source the playbook does not list. */
  sourceBit: Uint32Array;
  /** CHECKABLE_FIELDS bits and GATE_FLAG bits (compiled-requirements.ts). */
  gateFlags: Uint16Array;
  /** Level rank (0 unknown, 1 identified, 2 validated) per deal × element. */
  meddpicc: Uint8Array;
  /** Per deal × attested criterion: bit 0 attested, bit 1 with an evidence link. */
  attestations: Uint8Array;
  milestones: Uint32Array;
  /** Activities that took place, per deal × ACTIVITY_KINDS. */
  activityCounts: Uint16Array;
  /** POC_STATUSES index as health sees it (0 none: no plan). */
  pocStatus: Uint8Array;
  closeDay: Int32Array;
  createdDay: Int32Array;
  lastActivityDay: Int32Array;
  pushCount: Uint16Array;
  overrideCount: Uint16Array;
  /** The stall snooze's end (epoch ms); NaN: none. */
  snoozeUntilMs: Float64Array;
  historyOffsets: Uint32Array;
  historyStage: Uint16Array;
  historyKind: Uint8Array;
  historyDay: Int32Array;
  closeChangeOffsets: Uint32Array;
  closeChangeAtMs: Float64Array;
  /** 1: the change moved the close date later. */
  closeChangeLater: Uint8Array;
  stakeholderOffsets: Uint32Array;
  stakeholderAtMs: Float64Array;
}

/** What `evaluateFast` writes per deal; codes index the constants named. */
export interface VerdictColumns {
  /** GATE_VERDICT: 0 blocked, 1 ok, 2 no forward move (a closed stage). */
  gate: Uint8Array;
  /** Per deal `missingWords` words: bit j — requirement moveStart[stage] + j is unmet. */
  missing: Uint32Array;
  score: Uint8Array;
  /** BANDS index. */
  band: Uint8Array;
  indicatorMask: Uint16Array;
  /** Per deal TOP_REASONS indicator indexes (HEALTH_INDICATORS), NONE-padded. */
  topReasons: Uint8Array;
  /** VELOCITY_CLASSES index. */
  velocityClass: Uint8Array;
  daysInStage: Int32Array;
  /** NaN: no expectation. */
  expectedDays: Float64Array;
  meddpiccScore: Uint8Array;
  atRisk: Uint8Array;
  /** A risk indicator's HEALTH_INDICATORS index, STALLED_CAUSE, or NONE. */
  fixFirstCause: Uint8Array;
}

export const GATE_VERDICT = { blocked: 0, ok: 1, none: 2 } as const;

export function allocateVerdicts(compiled: CompiledPlaybook, count: number): VerdictColumns {
  return {
    gate: new Uint8Array(count),
    missing: new Uint32Array(count * compiled.missingWords),
    score: new Uint8Array(count),
    band: new Uint8Array(count),
    indicatorMask: new Uint16Array(count),
    topReasons: new Uint8Array(count * TOP_REASONS),
    velocityClass: new Uint8Array(count),
    daysInStage: new Int32Array(count),
    expectedDays: new Float64Array(count),
    meddpiccScore: new Uint8Array(count),
    atRisk: new Uint8Array(count),
    fixFirstCause: new Uint8Array(count),
  };
}
