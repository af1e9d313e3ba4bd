import { HEALTH_INDICATORS, type HealthIndicator } from '../playbook/inspection-settings.js';
import type { Playbook, QualificationRole } from '../playbook/playbook.js';
import { elementsWithRoles, elementWithRole } from '../playbook/roles.js';
import { POSITIVE_INDICATORS } from '../playbook/validate-inspection.js';
import { bandOf, type HealthBand, MISSING_MEANS_RISK } from './health.js';

/** Bands by code (a verdict's `band`): 0 red, 1 yellow, 2 green. */
export const BANDS = ['red', 'yellow', 'green'] as const satisfies readonly HealthBand[];
/** Fix-first causes by code: a risk indicator's index in HEALTH_INDICATORS, or STALLED_CAUSE. */
export const STALLED_CAUSE = HEALTH_INDICATORS.length;
export const NONE = 255;

/** Bit i of an indicator mask: HEALTH_INDICATORS[i] holds. */
export const INDICATOR_BIT = Object.fromEntries(
  HEALTH_INDICATORS.map((indicator, index) => [indicator, 1 << index]),
) as Record<HealthIndicator, number>;

const MASKS = 1 << HEALTH_INDICATORS.length;
/** Reasons kept per deal (decision 024: `top_reasons`, at most 3 risks). */
export const TOP_REASONS = 3;

export interface CompiledHealth {
  /** Clamped score for every indicator mask: `score = scoreOf[mask]`. */
  scoreOf: Uint8Array;
  /** Band code (BANDS) for every mask. */
  bandOf: Uint8Array;
  /** Per mask the ≤ 3 risk indicators with most points off first (ties in HEALTH_INDICATORS order), NONE-padded. */
  topReasonsOf: Uint8Array;
  /** Element index playing champion, decision_process and competition; -1 when none does. */
  champion: number;
  decisionProcess: number;
  competition: number;
  /** Element indexes watched for incomplete qualification. */
  watched: Int32Array;
  pushWindowMs: number;
  pushesBeforeRisk: number;
  stakeholderWindowMs: number;
  inactivityBusinessDays: number;
}

const DAY = 86_400_000;

/** The weights folded into tables over the 4,096 indicator masks, and the settings health reads. */
export function compileHealth(playbook: Playbook, elementIndex: ReadonlyMap<string, number>): CompiledHealth {
  const settings = playbook.inspection.health;
  const scoreOf = new Uint8Array(MASKS);
  const bandCodes = new Uint8Array(MASKS);
  const topReasonsOf = new Uint8Array(MASKS * TOP_REASONS).fill(NONE);
  // The order fix-first and the stored reasons use: risk weights ascending, a stable sort.
  const risks = HEALTH_INDICATORS.map((indicator, index) => ({ indicator, index }))
    .filter(({ indicator }) => !POSITIVE_INDICATORS.includes(indicator))
    .sort((a, b) => settings.weights[a.indicator] - settings.weights[b.indicator]);
  for (let mask = 0; mask < MASKS; mask++) {
    let raw = settings.base;
    HEALTH_INDICATORS.forEach((indicator, index) => {
      if (mask & (1 << index)) raw += settings.weights[indicator];
    });
    const score = Math.max(0, Math.min(100, raw));
    scoreOf[mask] = score;
    bandCodes[mask] = BANDS.indexOf(bandOf(score, settings.bands));
    const held = risks.filter(({ index }) => mask & (1 << index)).slice(0, TOP_REASONS);
    held.forEach(({ index }, position) => {
      topReasonsOf[mask * TOP_REASONS + position] = index;
    });
  }
  const roleIndex = (role: QualificationRole) => {
    const element = elementWithRole(playbook, role);
    return element ? (elementIndex.get(element.key) ?? -1) : -1;
  };
  return {
    scoreOf,
    bandOf: bandCodes,
    topReasonsOf,
    champion: roleIndex('champion'),
    decisionProcess: roleIndex('decision_process'),
    competition: roleIndex('competition'),
    watched: Int32Array.from(
      elementsWithRoles(playbook, MISSING_MEANS_RISK),
      (element) => elementIndex.get(element.key) ?? -1,
    ),
    pushWindowMs: settings.pushWindowDays * DAY,
    pushesBeforeRisk: settings.pushesBeforeRisk,
    stakeholderWindowMs: settings.stakeholderWindowDays * DAY,
    inactivityBusinessDays: settings.inactivityBusinessDays,
  };
}
