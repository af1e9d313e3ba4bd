import type { ActivityKind } from './activity-types';

/** The playbook as GET /api/v1/playbook answers it (the parts the app reads). */
export type MeddpiccLevel = 'unknown' | 'identified' | 'validated';

export type CriterionSource =
  | { kind: 'attested'; evidenceRequired: boolean }
  | { kind: 'derived'; rule: 'meddpicc_stage_levels' }
  | { kind: 'derived'; rule: 'meddpicc_element'; element: string; atLeast: MeddpiccLevel }
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
  meddpicc: Record<string, Exclude<MeddpiccLevel, 'unknown'>>;
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
}

export interface Playbook {
  id: string;
  name: string;
  version: number;
  defaultCurrency: string;
  meddpicc: MeddpiccElement[];
  opportunityTypes: Array<{
    key: string;
    name: string;
    pipeline: string;
    description: string;
    renewsContract?: { graceDays: number };
  }>;
  pipelines: Pipeline[];
  milestones: Array<{ key: string; name: string; description: string }>;
  lossReasons: Array<{ key: string; name: string; requiresCompetitor: boolean }>;
  leadSources: Array<{ key: string; name: string }>;
  inspection: {
    poc: {
      availableFromStage: string;
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
