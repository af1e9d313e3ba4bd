import type { HealthIndicator, HealthSettings } from '../playbook/inspection-settings.js';
import { openStages } from '../playbook/lookup.js';
import type { Pipeline, Playbook } from '../playbook/playbook.js';
import { POSITIVE_INDICATORS } from '../playbook/validate-inspection.js';
import { levelOf } from '../qualification/meddpicc.js';
import type { HealthFacts } from './health-facts.js';

export type HealthBand = 'green' | 'yellow' | 'red';

export interface HealthReason {
  indicator: HealthIndicator;
  kind: 'positive' | 'risk';
  points: number;
  /** The facts that make the indicator hold, in words. */
  evidence: string[];
}

export interface Health {
  score: number;
  band: HealthBand;
  base: number;
  reasons: HealthReason[];
}

interface Context {
  playbook: Playbook;
  pipeline: Pipeline;
  /** Position of the deal's stage among the open stages (-1 once closed). */
  stageIndex: number;
  settings: HealthSettings;
}

type Indicator = (facts: HealthFacts, context: Context) => string[] | null;

const DAY = 86_400_000;
const within = (at: Date, now: Date, days: number) => now.getTime() - at.getTime() <= days * DAY;
const named = (context: Context, key: string) =>
  context.playbook.meddpicc.find((e) => e.key === key)?.name ?? key;
const usesMeddpicc = (pipeline: Pipeline) =>
  pipeline.stages.some((stage) => Object.keys(stage.meddpicc).length > 0);
const stageAt = (context: Context, key: string) =>
  openStages(context.pipeline).findIndex((stage) => stage.key === key);

function validated(element: string): Indicator {
  return (facts, context) => {
    if (levelOf(facts.meddpicc, element) !== 'validated') return null;
    return [`${named(context, element)} validated: ${facts.meddpicc[element]?.summary ?? ''}`.trim()];
  };
}

/** Each indicator of the seed: null when it does not hold, else its evidence. Monotone in the facts. */
const INDICATORS = {
  meddpicc_complete: (facts, context) =>
    context.playbook.meddpicc.every((element) => levelOf(facts.meddpicc, element.key) === 'validated')
      ? [`All ${context.playbook.meddpicc.length} MEDDPICC elements validated.`]
      : null,
  poc_success: (facts) =>
    facts.poc.status === 'succeeded' ? ['POC succeeded.', ...facts.poc.reasons] : null,
  champion_strength: validated('champion'),
  decision_process_clarity: validated('decision_process'),
  competitive_position: validated('competition'),
  incomplete_meddpicc: (facts, context) => {
    if (!usesMeddpicc(context.pipeline) || context.stageIndex < 1) return null;
    const missing = ['economic_buyer', 'champion', 'decision_criteria'].filter(
      (element) => levelOf(facts.meddpicc, element) === 'unknown',
    );
    return missing.length > 0 ? missing.map((element) => `${named(context, element)} unknown.`) : null;
  },
  poc_challenges: (facts) =>
    facts.poc.status === 'challenged' ? ['POC challenged.', ...facts.poc.reasons] : null,
  stakeholder_changes: (facts, context) => {
    const recent = facts.stakeholderChanges.filter((change) =>
      within(change.at, facts.now, context.settings.stakeholderWindowDays),
    );
    return recent.length > 0
      ? recent.map((change) => `${change.at.toISOString().slice(0, 10)}: ${change.description}`)
      : null;
  },
  timeline_pressure: (facts, context) => {
    if (context.stageIndex < 0) return null;
    const evidence: string[] = [];
    const today = facts.now.toISOString().slice(0, 10);
    if (facts.closeDate < today) evidence.push(`Close date ${facts.closeDate} is in the past.`);
    const pushes = facts.closeDateChanges.filter(
      (change) => change.to > change.from && within(change.at, facts.now, context.settings.pushWindowDays),
    );
    if (pushes.length >= context.settings.pushesBeforeRisk) {
      evidence.push(`Close date pushed ${pushes.length} times in ${context.settings.pushWindowDays} days.`);
    }
    if (facts.closeDate >= today && facts.businessDaysToClose * 2 < facts.expectedBusinessDaysToClose) {
      evidence.push(
        `${facts.businessDaysToClose} business days to close; the remaining stages usually take ${facts.expectedBusinessDaysToClose}.`,
      );
    }
    return evidence.length > 0 ? evidence : null;
  },
  competitive_threat: (facts, context) => {
    const pastPoc = stageAt(context, 'poc') >= 0 && context.stageIndex > stageAt(context, 'poc');
    if (!pastPoc || levelOf(facts.meddpicc, 'competition') === 'validated') return null;
    return [`Competitive position not validated past the POC (${levelOf(facts.meddpicc, 'competition')}).`];
  },
  gate_override: (facts) =>
    facts.overrides.length > 0
      ? facts.overrides.map(
          (override) =>
            `${override.typeFit ? 'Type-vs-customer rule' : `Gate to ${override.to}`} overridden by ${override.by}: ${override.justification}`,
        )
      : null,
} satisfies Record<HealthIndicator, Indicator>;

export function bandOf(score: number, bands: HealthSettings['bands']): HealthBand {
  if (score >= bands.green) return 'green';
  return score >= bands.yellow ? 'yellow' : 'red';
}

/**
 * Health 0–100: the playbook's base plus the weight of every indicator that holds (positive weights add,
 * risk weights subtract), clamped; every contributing indicator is returned with its evidence.
 */
export function assessHealth(playbook: Playbook, pipeline: Pipeline, facts: HealthFacts): Health {
  const settings = playbook.inspection.health;
  const context: Context = {
    playbook,
    pipeline,
    settings,
    stageIndex: openStages(pipeline).findIndex((stage) => stage.key === facts.stage),
  };
  const reasons = (Object.entries(INDICATORS) as Array<[HealthIndicator, Indicator]>).flatMap(
    ([indicator, holds]) => {
      const evidence = holds(facts, context);
      if (!evidence) return [];
      const kind = POSITIVE_INDICATORS.includes(indicator) ? ('positive' as const) : ('risk' as const);
      return [{ indicator, kind, points: settings.weights[indicator], evidence }];
    },
  );
  const raw = reasons.reduce((sum, reason) => sum + reason.points, settings.base);
  const score = Math.max(0, Math.min(100, raw));
  return { score, band: bandOf(score, settings.bands), base: settings.base, reasons };
}
