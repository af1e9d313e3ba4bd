import type { ActivityKind } from './activity-types';

/** The playbook as GET /api/v1/playbook answers it (the parts the app reads). */
export type MeddpiccLevel = 'unknown' | 'identified' | 'validated';

export type CriterionSource =
  | { kind: 'attested'; evidenceRequired: boolean }
  | { kind: 'derived'; rule: 'qualification_stage_levels' }
  | { kind: 'derived'; rule: 'qualification_element'; element: string; atLeast: MeddpiccLevel }
  | { kind: 'derived'; rule: 'field_present'; field: string }
  | {
      kind: 'derived';
      rule: 'poc_plan_signed_off' | 'poc_results_meet_criteria' | 'poc_readout_completed' | 'poc_succeeded';
    }
  | { kind: 'derived'; rule: 'milestone_recorded'; milestone: string }
  | { kind: 'derived'; rule: 'type_matches_uplift' }
  | { kind: 'derived'; rule: 'activity_logged'; kinds: ActivityKind[]; atLeast: number };

export interface Criterion {
  key: string;
  text: string;
  source: CriterionSource;
  onlyForSources?: string[];
  help?: string;
}

export interface Stage {
  key: string;
  name: string;
  probability: number;
  forecastCategory: string;
  outcome: 'open' | 'won' | 'lost';
  description: string;
  qualification: Record<string, Exclude<MeddpiccLevel, 'unknown'>>;
  entrance: Criterion[];
  exit: Criterion[];
  milestones: string[];
  expectedDays?: number;
}

export interface Pipeline {
  key: string;
  name: string;
  stages: Stage[];
}

export interface MeddpiccElement {
  key: string;
  letter: string;
  name: string;
  definition: string;
  questions: string[];
  namesPerson: boolean;
  role?: string;
}

export type CustomerClassRule = 'contract_in_force' | 'self_serve_usage' | 'otherwise';

export interface Playbook {
  id: string;
  name: string;
  /** The selling company, as screens name it. */
  company: string;
  version: number;
  defaultCurrency: string;
  qualification: { framework: string; elements: MeddpiccElement[] };
  opportunityTypes: Array<{
    key: string;
    name: string;
    pipeline: string;
    description: string;
    customerClasses: string[];
    renewsContract?: { graceDays: number; uplift?: 'below' | 'atOrAbove' };
  }>;
  customerClasses: Array<{ key: string; name: string; focus: string; when: CustomerClassRule }>;
  pipelines: Pipeline[];
  milestones: Array<{ key: string; name: string; description: string }>;
  lossReasons: Array<{ key: string; name: string; requiresCompetitor: boolean }>;
  leadSources: Array<{ key: string; name: string }>;
  contracts?: { expansionUpliftThreshold?: number };
  inspection: {
    /** Absent: no pipeline runs the POC method. */
    poc?: {
      pipelines: string[];
      availableFromStage: string;
      successCriteria: Array<{ key: string; name: string; criteria: string[] }>;
      sessions: Array<{
        key: string;
        name: string;
        purpose: string;
        durationMinutes?: number;
        repeatable: boolean;
      }>;
    };
  };
}
