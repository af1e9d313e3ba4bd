import type { ActivityKind } from '../activity/activity.js';
import type { ClosingSettings } from './closing-settings.js';
import type { InspectionSettings } from './inspection-settings.js';
import type { PlaybookMappings } from './playbook-mappings.js';

/**
 * A selling playbook as data. Everything a deal is run, gated, scored and forecast against lives here;
 * the shipped ones live in playbooks/. Shapes only — lookups live in lookup.ts.
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

/** A lead source's key, as the playbook lists them (`leadSources`). */
export type LeadSource = string;

/**
 * The parts a qualification element may play, which the engine's behaviour reads (health, stakeholder
 * changes): whatever the framework calls them. A playbook may give some, all or none; an indicator whose
 * role no element plays is off.
 */
export const QUALIFICATION_ROLES = [
  'economic_buyer',
  'champion',
  'decision_criteria',
  'decision_process',
  'paper_process',
  'pain',
  'competition',
  'metrics',
] as const;
export type QualificationRole = (typeof QUALIFICATION_ROLES)[number];

export interface MeddpiccElement {
  key: string;
  letter: string;
  name: string;
  definition: string;
  questions: string[];
  /** The element names a person (an Economic Buyer, a Champion): a contact is linked once identified. */
  namesPerson: boolean;
  /** The part the element plays for the engine, if any. */
  role?: QualificationRole;
}

/** The qualification framework (MEDDPICC, BANT, SPICED, …): its name and its elements in order. */
export interface Qualification {
  framework: string;
  elements: MeddpiccElement[];
}

/** A named rule that computes whether a criterion is met from the deal's data. */
export type DerivedRule =
  | { rule: 'qualification_stage_levels' }
  | { rule: 'qualification_element'; element: string; atLeast: Exclude<MeddpiccLevel, 'unknown'> }
  | { rule: 'field_present'; field: CheckableField }
  | { rule: 'poc_plan_signed_off' }
  | { rule: 'poc_results_meet_criteria' }
  | { rule: 'poc_readout_completed' }
  | { rule: 'poc_succeeded' }
  | { rule: 'milestone_recorded'; milestone: string }
  /** At least `atLeast` activities of these kinds have taken place on the deal ("call notes", "follow-up call"). */
  | { rule: 'activity_logged'; kinds: ActivityKind[]; atLeast: number }
  /** Renewal vs Expansion: the type agrees with the TCV uplift over the contract renewed. */
  | { rule: 'type_matches_uplift' }
  /** Evidence from the closing flow on the chosen offer version: the signed quote, the accepted private offer. */
  | { rule: 'quote_signed' }
  | { rule: 'offer_accepted' };

/**
 * Rules derived from the closing flow's vendor evidence (src/domain/gates/closing-rules.ts). A won stage whose
 * entrance names one of them is entered by the deal itself once they all hold (src/app/closing/close-won).
 */
export const CLOSING_RULES = ['quote_signed', 'offer_accepted'] as const;
export type ClosingRule = (typeof CLOSING_RULES)[number];

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
  /** Qualification elements and the level each must reach to leave this stage, as the seed lists them. */
  qualification: Record<string, Exclude<MeddpiccLevel, 'unknown'>>;
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
  renewsContract?: RenewsContract;
  /** What a won deal of this type books as (src/domain/revenue/bookings.ts); absent: uncategorised. */
  bookingCategory?: BookingCategory;
}

export const BOOKING_CATEGORIES = ['acquisition', 'growth', 'retention'] as const;
export type BookingCategory = (typeof BOOKING_CATEGORIES)[number];

/**
 * How a type that renews a contract is told from its sibling by the TCV uplift over the renewed contract
 * (the playbook's `contracts.expansionUpliftThreshold`): `below` the threshold (a Renewal) or `atOrAbove` it
 * (an Expansion); absent when the uplift does not decide the type.
 */
export const UPLIFT_SIDES = ['below', 'atOrAbove'] as const;
export type UpliftSide = (typeof UPLIFT_SIDES)[number];

export interface RenewsContract {
  graceDays: number;
  uplift?: UpliftSide;
}

/** Contracts recorded from won deals; absent: the playbook keeps no contracts. */
export interface ContractSettings {
  /** TCV uplift over the renewed contract from which the `atOrAbove` type applies (0.2 = 20%). */
  expansionUpliftThreshold?: number;
}

/** Renewal deals opened automatically before a commit contract ends (src/domain/contract/renewals-due.ts). */
export interface RenewalSettings {
  /** How many days before a contract's end date its renewal deal is opened (default 120). */
  leadDays: number;
  /** The opportunity type key the renewal is created as (it must exist and its pipeline too). */
  type: string;
  /** The lead source key the renewal is created with; absent: the playbook's first lead source. */
  source?: string;
}

/**
 * What makes an account a class, checked in this order: a commit contract in force, else self-serve usage,
 * else neither. Each rule belongs to at most one class; `otherwise` to exactly one.
 */
export const CUSTOMER_CLASS_RULES = ['contract_in_force', 'self_serve_usage', 'otherwise'] as const;
export type CustomerClassRule = (typeof CUSTOMER_CLASS_RULES)[number];

export interface CustomerClass {
  key: string;
  name: string;
  focus: string;
  when: CustomerClassRule;
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

export interface ForecastSettings {
  /** The month (1 = January) the fiscal year starts in: fiscal quarters and years count from it. */
  fiscalYearStartMonth: number;
  /** ISO 4217: what every forecast amount is converted to, by the admins' rates table. */
  companyCurrency: string;
}

export interface Playbook {
  id: string;
  name: string;
  /** The selling company's name, as screens and messages say it ("a decision in favor of …"). */
  company: string;
  version: number;
  defaultCurrency: string;
  qualification: Qualification;
  opportunityTypes: OpportunityType[];
  customerClasses: CustomerClass[];
  pipelines: Pipeline[];
  milestones: Milestone[];
  lossReasons: LossReason[];
  /** Where deals come from, with their names (a deal's `source`; criteria may apply to some only). */
  leadSources: LeadSourceEntry[];
  /** Absent: deals record no contracts (and no type renews one). */
  contracts?: ContractSettings;
  /** Absent: no renewal deal is opened automatically. */
  renewals?: RenewalSettings;
  /** Offers and their approval chain (src/domain/closing); absent: deals make no offers. */
  closing?: ClosingSettings;
  inspection: InspectionSettings;
  /** The forecast's calendar and currency (src/domain/forecast); absent: calendar year, USD. */
  forecast?: ForecastSettings;
  /** How the previous version's keys map to this one's; applied to the records when this version is loaded. */
  mappings?: PlaybookMappings;
}
