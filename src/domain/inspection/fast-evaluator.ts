import { businessDaysBetweenDays } from './business-days.js';
import { INDICATOR_BIT, NONE, STALLED_CAUSE, TOP_REASONS } from './compiled-health.js';
import type { CompiledPlaybook } from './compiled-playbook.js';
import { GATE_FLAG, REQ } from './compiled-requirements.js';
import { type DealColumns, GATE_VERDICT, NO_DAY, type VerdictColumns } from './deal-columns.js';
import { fastVelocity, VELOCITY_AT_RISK } from './fast-velocity.js';

/** Health's POC statuses by code (a deal's `pocStatus`). */
export const POC_STATUSES = ['none', 'planned', 'in_progress', 'succeeded', 'challenged'] as const;
const POC_NONE = 0;
const POC_PLANNED = 1;
const POC_SUCCEEDED = 3;
const POC_CHALLENGED = 4;
const DAY = 86_400_000;
const RED = 0;

/** Whether requirement r of the compiled moves holds for deal d (check-criterion.ts and derived-rules.ts). */
function requirementMet(
  compiled: CompiledPlaybook,
  deals: DealColumns,
  d: number,
  r: number,
  E: number,
): boolean {
  const { kind, arg, arg2, sources } = compiled.requirements;
  const applies = sources[r] ?? 0;
  if (applies !== 0 && (applies & (deals.sourceBit[d] ?? 0)) === 0) return true; // not applicable
  const a = arg[r] ?? 0;
  const b = arg2[r] ?? 0;
  const flags = deals.gateFlags[d] ?? 0;
  switch (kind[r]) {
    case REQ.customerFit:
      return (flags & GATE_FLAG.customerFits) !== 0;
    case REQ.attested: {
      const seen = deals.attestations[d * compiled.attestationCount + a] ?? 0;
      return (seen & 1) !== 0 && (b === 0 || (seen & 2) !== 0);
    }
    case REQ.stageLevels:
      for (let e = 0; e < E; e++)
        if ((deals.meddpicc[d * E + e] ?? 0) < (compiled.leaveLevels[a * E + e] ?? 0)) return false;
      return true;
    case REQ.element:
    case REQ.meddpicc:
      return (deals.meddpicc[d * E + a] ?? 0) >= b;
    case REQ.field:
      return (flags & a) !== 0;
    case REQ.flag:
      return b === 1 ? (flags & a) === 0 : (flags & a) === a;
    case REQ.milestone:
      return ((deals.milestones[d] ?? 0) & a) !== 0;
    case REQ.activities: {
      let count = 0;
      for (let k = 0; k < 4; k++) if (a & (1 << k)) count += deals.activityCounts[d * 4 + k] ?? 0;
      return count >= b;
    }
    default:
      return false;
  }
}

/** The next forward move's gate: GATE_VERDICT, with the unmet requirements as bits of `out.missing`. */
function gateOf(compiled: CompiledPlaybook, deals: DealColumns, d: number, g: number, out: VerdictColumns) {
  const start = compiled.moveStart[g] ?? -1;
  const words = compiled.missingWords;
  for (let w = 0; w < words; w++) out.missing[d * words + w] = 0;
  if (start < 0) return GATE_VERDICT.none;
  const end = compiled.moveEnd[g] ?? start;
  const E = compiled.elementKeys.length;
  let ok = true;
  for (let r = start; r < end; r++) {
    if (requirementMet(compiled, deals, d, r, E)) continue;
    ok = false;
    const j = r - start;
    const word = d * words + (j >>> 5);
    out.missing[word] = ((out.missing[word] ?? 0) | (1 << (j & 31))) >>> 0;
  }
  return ok ? GATE_VERDICT.ok : GATE_VERDICT.blocked;
}

function countWithin(
  atMs: Float64Array,
  from: number,
  to: number,
  nowMs: number,
  windowMs: number,
  later?: Uint8Array,
) {
  let count = 0;
  for (let i = from; i < to; i++)
    if ((!later || later[i] === 1) && nowMs - (atMs[i] ?? 0) <= windowMs) count++;
  return count;
}

/** A deal's level of element e; -1 for "no element plays the role" (never validated). */
const levelAt = (deals: DealColumns, base: number, e: number) =>
  e < 0 ? -1 : (deals.meddpicc[base + e] ?? 0);
const orZero = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? 0 : value);

/** health.ts's indicators as bits (the same rules, no evidence words). */
function indicatorsOf(
  compiled: CompiledPlaybook,
  expectedDays: Float64Array,
  deals: DealColumns,
  d: number,
  g: number,
  nowDay: number,
  nowMs: number,
  out: VerdictColumns,
): number {
  const h = compiled.health;
  const E = compiled.elementKeys.length;
  const base = d * E;
  let mask = 0;
  let allValidated = E > 0;
  for (let e = 0; e < E; e++) if (deals.meddpicc[base + e] !== 2) allValidated = false;
  if (allValidated) mask |= INDICATOR_BIT.qualification_complete;
  const poc = deals.pocStatus[d] ?? POC_NONE;
  if (poc === POC_SUCCEEDED) mask |= INDICATOR_BIT.poc_success;
  if (levelAt(deals, base, h.champion) === 2) mask |= INDICATOR_BIT.champion_strength;
  if (levelAt(deals, base, h.decisionProcess) === 2) mask |= INDICATOR_BIT.decision_process_clarity;
  if (levelAt(deals, base, h.competition) === 2) mask |= INDICATOR_BIT.competitive_position;
  const open = compiled.stageOpen[g] === 1;
  const daysInStage = out.daysInStage[d] ?? 0;
  const expected = out.expectedDays[d] ?? Number.NaN;
  const pastHalfway = !Number.isNaN(expected) && daysInStage * 2 > expected;
  if (open) {
    for (let w = 0; w < h.watched.length; w++) {
      const e = h.watched[w] ?? 0;
      const actual = levelAt(deals, base, e);
      const owed = compiled.owedLevels[g * E + e] ?? 0;
      if (
        (owed > 0 && actual < owed) ||
        ((compiled.toLeaveLevels[g * E + e] ?? 0) > 0 && actual === 0 && pastHalfway)
      ) {
        mask |= INDICATOR_BIT.incomplete_qualification;
        break;
      }
    }
  }
  const notStarted = poc === POC_NONE || poc === POC_PLANNED;
  if (poc === POC_CHALLENGED || (open && compiled.judgesPoc[g] === 1 && notStarted && pastHalfway))
    mask |= INDICATOR_BIT.poc_challenges;
  const stakeholders = countWithin(
    deals.stakeholderAtMs,
    deals.stakeholderOffsets[d] ?? 0,
    deals.stakeholderOffsets[d + 1] ?? 0,
    nowMs,
    h.stakeholderWindowMs,
  );
  if (stakeholders > 0) mask |= INDICATOR_BIT.stakeholder_changes;
  if (open) {
    const closeDay = deals.closeDay[d] ?? 0;
    const pushes = countWithin(
      deals.closeChangeAtMs,
      deals.closeChangeOffsets[d] ?? 0,
      deals.closeChangeOffsets[d + 1] ?? 0,
      nowMs,
      h.pushWindowMs,
      deals.closeChangeLater,
    );
    const next = compiled.nextOpen[g] ?? -1;
    const throughNext =
      Math.max(0, orZero(expected) - daysInStage) + (next >= 0 ? orZero(expectedDays[next]) : 0);
    if (
      closeDay < nowDay ||
      pushes >= h.pushesBeforeRisk ||
      (deals.pushCount[d] ?? 0) >= h.pushesBeforeRisk ||
      (closeDay >= nowDay && businessDaysBetweenDays(nowDay, closeDay) * 2 < throughNext)
    )
      mask |= INDICATOR_BIT.timeline_pressure;
  }
  if (
    open &&
    h.competition >= 0 &&
    compiled.owedLevels[g * E + h.competition] === 2 &&
    levelAt(deals, base, h.competition) < 2
  )
    mask |= INDICATOR_BIT.competitive_threat;
  if ((deals.overrideCount[d] ?? 0) > 0) mask |= INDICATOR_BIT.gate_override;
  if (open) {
    const last = deals.lastActivityDay[d] ?? NO_DAY;
    const since = last === NO_DAY ? (deals.createdDay[d] ?? 0) : last;
    if (businessDaysBetweenDays(since, nowDay) > h.inactivityBusinessDays)
      mask |= INDICATOR_BIT.no_recent_activity;
  }
  return mask;
}

/**
 * Gate (the next forward move), velocity, health, MEDDPICC score, at-risk and fix-first cause of every deal of
 * `deals`, written to `out` (allocateVerdicts): the plain evaluators' verdicts without their words, and no
 * allocation per deal. `expected` comes from compileExpectations; `nowMs` is the evaluation instant.
 */
export function evaluateFast(
  compiled: CompiledPlaybook,
  expected: Float64Array,
  deals: DealColumns,
  out: VerdictColumns,
  nowMs: number,
): void {
  const nowDay = Math.floor(nowMs / DAY);
  const E = compiled.elementKeys.length;
  const { scoreOf, bandOf, topReasonsOf } = compiled.health;
  for (let d = 0; d < deals.count; d++) {
    const g = deals.stage[d] ?? 0;
    out.gate[d] = gateOf(compiled, deals, d, g, out);
    const velocity = fastVelocity(compiled, expected, deals, d, nowDay, nowMs, out);
    out.velocityClass[d] = velocity;
    const mask = indicatorsOf(compiled, expected, deals, d, g, nowDay, nowMs, out);
    out.indicatorMask[d] = mask;
    const band = bandOf[mask] ?? RED;
    out.score[d] = scoreOf[mask] ?? 0;
    out.band[d] = band;
    for (let k = 0; k < TOP_REASONS; k++)
      out.topReasons[d * TOP_REASONS + k] = topReasonsOf[mask * TOP_REASONS + k] ?? NONE;
    let points = 0;
    for (let e = 0; e < E; e++) points += deals.meddpicc[d * E + e] ?? 0;
    out.meddpiccScore[d] = E === 0 ? 0 : Math.round((100 * points) / (2 * E));
    const stalled = velocity === VELOCITY_AT_RISK;
    out.atRisk[d] = band === RED || stalled ? 1 : 0;
    const heaviest = topReasonsOf[mask * TOP_REASONS] ?? NONE;
    out.fixFirstCause[d] =
      heaviest !== NONE && (band === RED || !stalled) ? heaviest : stalled ? STALLED_CAUSE : NONE;
  }
}
