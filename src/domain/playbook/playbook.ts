import type { ActivityKind } from '../activity/activity.js';
import type { InspectionSettings } from './inspection-settings.js';

/**
 * A selling playbook as data. Everything a deal is run, gated, scored and forecast against lives here;
 * the shipped one is playbooks/firebolt.yaml. Shapes only — lookups live in lookup.ts.
 */
export const MEDDPICC_LEVELS = ['unknown', 'identified', 'validated'] as const;
export type MeddpiccLevel = (typeof MEDDPICC_LEVELS)[number];

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export const STAGE_OUTCOMES = ['open', 'won', 'lost'] as const;
export type StageOutcome = (typeof STAGE_OUTCOMES)[number];

/** Opportunity fields a derived criterion may require to be filled in. */
export const CHECKABLE_FIELDS = ['nextStep', 'description', 'amountMinor', 'closeDate'] as const;
export type CheckableField = (typeof CHECKABLE_FIELDS)[number];

export const LEAD_SOURCES = ['sdr', 'ae', 'inbound', 'partner', 'plg', 'customer_success'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export interface MeddpiccElement {
  key: string;
  letter: string;
  name: string;
  definition: string;
  questions: string[];
  /** The element names a person (Economic Buyer, Champion): a contact is linked once identified. */
  namesPerson: boolean;
}

/** A named rule that computes whether a criterion is met from the deal's data. */
export type DerivedRule =
  | { rule: 'meddpicc_stage_levels' }
  | { rule: 'meddpicc_element'; element: string; atLeast: Exclude<MeddpiccLevel, 'unknown'> }
  | { rule: 'field_present'; field: CheckableField }
  | { rule: 'poc_plan_signed_off' }
  | { rule: 'poc_results_meet_criteria' }
  | { rule: 'poc_readout_completed' }
  | { rule: 'poc_succeeded' }
  | { rule: 'milestone_recorded'; milestone: string }
  /** At least `atLeast` activities of these kinds have taken place on the deal ("call notes", "follow-up call"). */
  | { rule: 'activity_logged'; kinds: ActivityKind[]; atLeast: number }
  /** Renewal vs Expansion: the type agrees with the TCV uplift over the contract renewed. */
  | { rule: 'type_matches_uplift' };

/** Rules derived from the deal's POC plan (src/domain/poc/assess-poc.ts). */
export const POC_RULES = [
  'poc_plan_signed_off',
  'poc_results_meet_criteria',
  'poc_readout_completed',
  'poc_succeeded',
] as const;
export type PocRule = (typeof POC_RULES)[number];

export type CriterionSource =
  | { kind: 'attested'; evidenceRequired: boolean }
  | ({ kind: 'derived' } & DerivedRule);

export interface Criterion {
  key: string;
  text: string;
  source: CriterionSource;
  /** The criterion applies only to deals from these lead sources (e.g. "if SDR sourced"). */
  onlyForSources?: LeadSource[];
  help?: string;
}

export interface Stage {
  key: string;
  name: string;
  probability: number;
  forecastCategory: ForecastCategory;
  outcome: StageOutcome;
  description: string;
  /** MEDDPICC elements and the level each must reach to leave this stage, as the seed lists them. */
  meddpicc: Record<string, Exclude<MeddpiccLevel, 'unknown'>>;
  entrance: Criterion[];
  exit: Criterion[];
  milestones: string[];
  /** Expected business days in the stage, used for velocity until enough history exists. */
  expectedDays?: number;
}

export interface Pipeline {
  key: string;
  name: string;
  stages: Stage[];
}

export interface OpportunityType {
  key: string;
  name: string;
  category: string;
  purpose: string;
  description: string;
  pipeline: string;
  customerClasses: string[];
  revenueImplications: string;
  /**
   * The type renews a contract (Renewal, Expansion): it keeps fitting the account for `graceDays` after the
   * contract it renews has ended, though the account is no longer a commit customer by then.
   */
  renewsContract?: { graceDays: number };
}

export interface CustomerClass {
  key: string;
  name: string;
  focus: string;
}

export interface LossReason {
  key: string;
  name: string;
  /** A deal lost for this reason must name the competitor that won. */
  requiresCompetitor: boolean;
}

export interface Milestone {
  key: string;
  name: string;
  description: string;
}

export interface LeadSourceEntry {
  key: LeadSource;
  name: string;
}

export interface Playbook {
  id: string;
  name: string;
  version: number;
  defaultCurrency: string;
  meddpicc: MeddpiccElement[];
  opportunityTypes: OpportunityType[];
  customerClasses: CustomerClass[];
  pipelines: Pipeline[];
  milestones: Milestone[];
  lossReasons: LossReason[];
  /** Where deals come from, with their names (a deal's `source`; criteria may apply to some only). */
  leadSources: LeadSourceEntry[];
  inspection: InspectionSettings;
}
