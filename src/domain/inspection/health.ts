import type { HealthIndicator, HealthSettings } from '../playbook/inspection-settings.js';
import { openStages } from '../playbook/lookup.js';
import type { MeddpiccLevel, Pipeline, Playbook, QualificationRole, Stage } from '../playbook/playbook.js';
import { elementName, elementsWithRoles, elementWithRole } from '../playbook/roles.js';
import { POSITIVE_INDICATORS } from '../playbook/validate-inspection.js';
import { levelsOwed, levelsToLeave } from '../qualification/levels-due.js';
import { levelOf, meetsLevel } from '../qualification/meddpicc.js';
import { businessDaysBetween } from './business-days.js';
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
  /** The deal's stage while it is open; null once closed. */
  stage: Stage | null;
  settings: HealthSettings;
}

type Indicator = (facts: HealthFacts, context: Context) => string[] | null;

const DAY = 86_400_000;
const within = (at: Date, now: Date, days: number) => now.getTime() - at.getTime() <= days * DAY;
const named = (context: Context, key: string) => elementName(context.playbook, key);
const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The roles whose absence the seed calls "Incomplete MEDDPICC" (incomplete qualification, whatever the
 * framework): only the elements that play them in the playbook count.
 */
export const MISSING_MEANS_RISK: readonly QualificationRole[] = [
  'economic_buyer',
  'champion',
  'decision_criteria',
];

/** The element playing `role` is validated; off (never holds) when no element plays it. */
function validated(role: QualificationRole): Indicator {
  return (facts, context) => {
    const element = elementWithRole(context.playbook, role);
    if (!element || levelOf(facts.meddpicc, element.key) !== 'validated') return null;
    return [`${element.name} validated: ${facts.meddpicc[element.key]?.summary ?? ''}`.trim()];
  };
}

/** More than half of the stage's usual time has gone: what leaving it needs should be under way by now. */
function pastHalfway(facts: HealthFacts): boolean {
  return facts.expectedDaysInStage !== null && facts.daysInStage * 2 > facts.expectedDaysInStage;
}

function stageTime(facts: HealthFacts, stage: Stage): string {
  return `${facts.daysInStage} of ${facts.expectedDaysInStage} business days of ${stage.name} gone`;
}

/**
 * An element is judged against the deal's stage, never against the whole path: below what an earlier gate
 * already asked (owed: the deal was forced past it or has lost ground), or still unknown while leaving the
 * current stage needs it and more than half of the stage's usual time has gone (due).
 */
function meddpiccShortfalls(
  facts: HealthFacts,
  context: Context,
  elements: readonly string[],
): Array<{ owed: boolean; level: MeddpiccLevel; text: string }> {
  const { stage } = context;
  if (!stage) return [];
  const owed = levelsOwed(context.pipeline, stage.key);
  const toLeave = levelsToLeave(context.pipeline, stage.key);
  return elements.flatMap((element): Array<{ owed: boolean; level: MeddpiccLevel; text: string }> => {
    const actual = levelOf(facts.meddpicc, element);
    const name = named(context, element);
    const before = owed.get(element);
    if (before && !meetsLevel(actual, before.level)) {
      return [
        {
          owed: true,
          level: before.level,
          text: `${name} is ${actual}; ${before.level} was needed to leave ${before.stage.name}.`,
        },
      ];
    }
    const next = toLeave.get(element);
    if (next && actual === 'unknown' && pastHalfway(facts)) {
      return [
        {
          owed: false,
          level: next.level,
          text: `${name} unknown with ${stageTime(facts, stage)}; leaving it needs ${next.level}.`,
        },
      ];
    }
    return [];
  });
}

/** Rules on the POC's outcome (not on its plan): the stage whose exit uses one is where the POC runs. */
const POC_OUTCOME_RULES: readonly string[] = [
  'poc_results_meet_criteria',
  'poc_readout_completed',
  'poc_succeeded',
];
export const judgesPoc = (stage: Stage) =>
  stage.exit.some(
    (criterion) => criterion.source.kind === 'derived' && POC_OUTCOME_RULES.includes(criterion.source.rule),
  );

/** Each indicator of the seed: null when it does not hold, else its evidence. Monotone in the facts. */
const INDICATORS = {
  qualification_complete: (facts, context) => {
    const { framework, elements } = context.playbook.qualification;
    return elements.length > 0 &&
      elements.every((element) => levelOf(facts.meddpicc, element.key) === 'validated')
      ? [`All ${elements.length} ${framework} elements validated.`]
      : null;
  },
  poc_success: (facts) =>
    facts.poc.status === 'succeeded' ? ['POC succeeded.', ...facts.poc.reasons] : null,
  champion_strength: validated('champion'),
  decision_process_clarity: validated('decision_process'),
  competitive_position: validated('competition'),
  incomplete_qualification: (facts, context) => {
    const watched = elementsWithRoles(context.playbook, MISSING_MEANS_RISK).map((element) => element.key);
    const shortfalls = meddpiccShortfalls(facts, context, watched);
    return shortfalls.length > 0 ? shortfalls.map((shortfall) => shortfall.text) : null;
  },
  poc_challenges: (facts, context) => {
    if (facts.poc.status === 'challenged') return ['POC challenged.', ...facts.poc.reasons];
    const { stage } = context;
    const notStarted = facts.poc.status === 'none' || facts.poc.status === 'planned';
    if (stage && judgesPoc(stage) && notStarted && pastHalfway(facts)) {
      return [`POC not started with ${stageTime(facts, stage)}: ${facts.poc.reasons.join(' ')}`.trim()];
    }
    return null;
  },
  stakeholder_changes: (facts, context) => {
    const recent = facts.stakeholderChanges.filter((change) =>
      within(change.at, facts.now, context.settings.stakeholderWindowDays),
    );
    return recent.length > 0 ? recent.map((change) => `${day(change.at)}: ${change.description}`) : null;
  },
  timeline_pressure: (facts, context) => {
    if (!context.stage) return null;
    const evidence: string[] = [];
    const today = day(facts.now);
    if (facts.closeDate < today) evidence.push(`Close date ${facts.closeDate} is in the past.`);
    const pushes = facts.closeDateChanges.filter(
      (change) => change.to > change.from && within(change.at, facts.now, context.settings.pushWindowDays),
    );
    // Recent pushes (from the history), or the stored count of pushes into a later month, ever.
    const threshold = context.settings.pushesBeforeRisk;
    if (pushes.length >= threshold) {
      evidence.push(`Close date pushed ${pushes.length} times in ${context.settings.pushWindowDays} days.`);
    } else if (facts.pushCount >= threshold) {
      evidence.push(`Close date pushed into a later month ${facts.pushCount} times.`);
    }
    // Rushed: less than half the time the rest of this stage and the next one usually take (not the whole path:
    // an early close date is a guess that the stages ahead will refine).
    if (facts.closeDate >= today && facts.businessDaysToClose * 2 < facts.expectedBusinessDaysThroughNext) {
      evidence.push(
        `${facts.businessDaysToClose} business days to close; the rest of ${context.stage.name} and the next stage usually take ${facts.expectedBusinessDaysThroughNext}.`,
      );
    }
    return evidence.length > 0 ? evidence : null;
  },
  competitive_threat: (facts, context) => {
    // Competition below the validated position an earlier gate asked for (the seed: leaving the POC); off
    // when no element plays the competition role.
    const competition = elementWithRole(context.playbook, 'competition');
    if (!competition) return null;
    const owed = meddpiccShortfalls(facts, context, [competition.key]).filter(
      (shortfall) => shortfall.owed && shortfall.level === 'validated',
    );
    return owed.length > 0 ? owed.map((shortfall) => shortfall.text) : null;
  },
  gate_override: (facts) =>
    facts.overrides.length > 0
      ? facts.overrides.map(
          (override) =>
            `${override.typeFit ? 'Type-vs-customer rule' : `Gate to ${override.to}`} overridden by ${override.by}: ${override.justification}`,
        )
      : null,
  no_recent_activity: (facts, context) => {
    if (!context.stage) return null;
    const since = facts.lastActivity?.at ?? facts.createdAt;
    const idle = businessDaysBetween(since, facts.now);
    if (idle <= context.settings.inactivityBusinessDays) return null;
    return [
      facts.lastActivity
        ? `No activity for ${idle} business days: the last was a ${facts.lastActivity.kind} on ${day(facts.lastActivity.at)}.`
        : `No activity logged in the ${idle} business days since the deal was created on ${day(facts.createdAt)}.`,
    ];
  },
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
    stage: openStages(pipeline).find((stage) => stage.key === facts.stage) ?? null,
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
