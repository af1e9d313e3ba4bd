import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import type {
  CheckableField,
  DerivedRule,
  MeddpiccElement,
  Pipeline,
  Playbook,
  Stage,
} from '../playbook/playbook.js';
import { levelOf, meddpiccRequiredToLeave, meetsLevel } from '../qualification/meddpicc.js';
import { applyActivityRule } from './activity-rules.js';
import { applyClosingRule, type OfferEvidenceRef } from './closing-rules.js';
import { applyPocRule } from './poc-rules.js';

export interface RuleContext {
  playbook: Playbook;
  pipeline: Pipeline;
  stage: Stage;
  facts: OpportunityFacts;
}

export interface RuleVerdict {
  met: boolean;
  message: string;
  /** The activity that meets a rule derived from activities. */
  activityId?: string;
  /** The offer version and vendor records that meet a closing rule. */
  evidence?: OfferEvidenceRef;
}

type RuleOf<Name extends DerivedRule['rule']> = Extract<DerivedRule, { rule: Name }>;

const FIELD_LABELS = {
  nextStep: 'Next step',
  description: 'Description',
  amountMinor: 'Amount',
  closeDate: 'Close date',
} as const satisfies Record<CheckableField, string>;

function elementName(playbook: Playbook, key: string): string {
  return playbook.qualification.elements.find((element: MeddpiccElement) => element.key === key)?.name ?? key;
}

function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return value > 0;
  return true;
}

/**
 * The facts as the gate's rules see them: the checkable fields (amount, close date, next step, description)
 * only as filled in or not — no rule reads more of them (field_present). Two deals with equal views get equal
 * checks, so a bulk import judges each distinct view once. A rule that reads more of a field must show it here.
 */
export function factsAsRulesSeeThem(facts: OpportunityFacts): Record<string, unknown> {
  const filled = Object.fromEntries(
    Object.keys(FIELD_LABELS).map((field) => [field, isFilled(facts[field as CheckableField])]),
  );
  return { ...facts, ...filled };
}

/** Each derived criterion names one of these rules; each returns whether it holds and why. */
export const DERIVED_RULES = {
  qualification_stage_levels: (
    _rule: RuleOf<'qualification_stage_levels'>,
    { playbook, pipeline, stage, facts },
  ) => {
    const required = meddpiccRequiredToLeave(pipeline, stage);
    const short = required.filter((req) => !meetsLevel(levelOf(facts.meddpicc, req.element), req.level));
    if (short.length === 0) {
      return {
        met: true,
        message: `All ${required.length} ${playbook.qualification.framework} elements required here are populated.`,
      };
    }
    const names = short.map((req) => `${elementName(playbook, req.element)} (${req.level} needed)`);
    return {
      met: false,
      message: `${playbook.qualification.framework} not yet populated: ${names.join(', ')}.`,
    };
  },
  qualification_element: (rule: RuleOf<'qualification_element'>, { playbook, facts }) => {
    const actual = levelOf(facts.meddpicc, rule.element);
    const name = elementName(playbook, rule.element);
    return meetsLevel(actual, rule.atLeast)
      ? { met: true, message: `${name} is ${actual}.` }
      : { met: false, message: `${name} is ${actual}; it must be at least ${rule.atLeast}.` };
  },
  field_present: (rule: RuleOf<'field_present'>, { facts }) => {
    const label = FIELD_LABELS[rule.field];
    return isFilled(facts[rule.field])
      ? { met: true, message: `${label} is filled in.` }
      : { met: false, message: `${label} is empty.` };
  },
  poc_plan_signed_off: (rule: RuleOf<'poc_plan_signed_off'>, { facts }) => applyPocRule(rule.rule, facts),
  poc_results_meet_criteria: (rule: RuleOf<'poc_results_meet_criteria'>, { facts }) =>
    applyPocRule(rule.rule, facts),
  poc_readout_completed: (rule: RuleOf<'poc_readout_completed'>, { facts }) => applyPocRule(rule.rule, facts),
  poc_succeeded: (rule: RuleOf<'poc_succeeded'>, { facts }) => applyPocRule(rule.rule, facts),
  milestone_recorded: (rule: RuleOf<'milestone_recorded'>, { playbook, facts }) => {
    const name = playbook.milestones.find((entry) => entry.key === rule.milestone)?.name ?? rule.milestone;
    const record = facts.milestones[rule.milestone];
    return record
      ? { met: true, message: `${name} recorded on ${record.achievedAt.toISOString().slice(0, 10)}.` }
      : { met: false, message: `${name} is not recorded yet.` };
  },
  type_matches_uplift: (_rule: RuleOf<'type_matches_uplift'>, { playbook, facts }) => {
    if (!facts.uplift) {
      const type = playbook.opportunityTypes.find((candidate) => candidate.key === facts.type);
      return {
        met: true,
        message: `${type?.name ?? facts.type} is not decided by TCV uplift: nothing to check.`,
      };
    }
    // "Cannot compare" (no contract renewed, another currency) does not pass: the contract must be on file.
    return { met: facts.uplift.fits === true, message: facts.uplift.message };
  },
  activity_logged: (rule: RuleOf<'activity_logged'>, { facts }) => applyActivityRule(rule, facts.activities),
  quote_signed: (rule: RuleOf<'quote_signed'>, { facts }) => applyClosingRule(rule.rule, facts.closing),
  offer_accepted: (rule: RuleOf<'offer_accepted'>, { facts }) => applyClosingRule(rule.rule, facts.closing),
} satisfies { [Name in DerivedRule['rule']]: (rule: RuleOf<Name>, context: RuleContext) => RuleVerdict };

export function applyDerivedRule(rule: DerivedRule, context: RuleContext): RuleVerdict {
  switch (rule.rule) {
    case 'qualification_stage_levels':
      return DERIVED_RULES.qualification_stage_levels(rule, context);
    case 'qualification_element':
      return DERIVED_RULES.qualification_element(rule, context);
    case 'field_present':
      return DERIVED_RULES.field_present(rule, context);
    case 'poc_plan_signed_off':
      return DERIVED_RULES.poc_plan_signed_off(rule, context);
    case 'poc_results_meet_criteria':
      return DERIVED_RULES.poc_results_meet_criteria(rule, context);
    case 'poc_readout_completed':
      return DERIVED_RULES.poc_readout_completed(rule, context);
    case 'poc_succeeded':
      return DERIVED_RULES.poc_succeeded(rule, context);
    case 'milestone_recorded':
      return DERIVED_RULES.milestone_recorded(rule, context);
    case 'type_matches_uplift':
      return DERIVED_RULES.type_matches_uplift(rule, context);
    case 'activity_logged':
      return DERIVED_RULES.activity_logged(rule, context);
    case 'quote_signed':
      return DERIVED_RULES.quote_signed(rule, context);
    case 'offer_accepted':
      return DERIVED_RULES.offer_accepted(rule, context);
  }
}
