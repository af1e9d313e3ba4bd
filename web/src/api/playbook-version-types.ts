import type { MissingRequirement } from './problem';

/** Old keys → new ones in a version's `mappings:` (src/domain/playbook/playbook-mappings.ts). */
export interface PlaybookMappings {
  stages?: Record<string, Record<string, string>>;
  types?: Record<string, string>;
  criteria?: Record<string, string | null>;
  qualificationElements?: Record<string, string | null>;
  milestones?: Record<string, string | null>;
  leadSources?: Record<string, string>;
  lossReasons?: Record<string, string>;
}

export interface PlaybookChangeSummary {
  dealsMoved: number;
  dealsReprobabilised: number;
  recordsRenamed: number;
  recordsRetired: number;
}

export interface PlaybookVersion {
  id: string;
  number: number;
  playbookId: string;
  name: string;
  contentHash: string;
  mappings: PlaybookMappings | null;
  summary: PlaybookChangeSummary;
  loadedAt: string;
  loadedBy: string;
  inForce: boolean;
}

export type KeyChange = 'added' | 'removed' | 'mapped';

export interface DealPlace {
  type: string;
  pipeline: string;
  stage: string;
  probability: number;
  forecastCategory: string;
}

export interface PlaybookChangeProblem {
  kind: string;
  key: string;
  pipeline?: string;
  count: number;
  records: string;
  mapWith: string;
  message: string;
}

export interface PlaybookPreview {
  inForce: { number: number | null; playbookId: string; name: string };
  candidate: { playbookId: string; name: string; contentHash: string; sameAsInForce: boolean };
  diff: {
    stages: Array<{ pipeline: string; key: string; name: string; change: KeyChange; mappedTo?: string }>;
    probabilities: Array<{
      pipeline: string;
      stage: string;
      name: string;
      from: number;
      to: number;
      forecastFrom: string;
      forecastTo: string;
    }>;
    criteria: Array<{
      pipeline: string;
      stage: string;
      phase: 'entrance' | 'exit';
      key: string;
      text: string;
      change: KeyChange;
      mappedTo?: string | null;
    }>;
    qualificationLevels: Array<{
      pipeline: string;
      stage: string;
      element: string;
      from: string | null;
      to: string | null;
    }>;
    types: Array<{ key: string; name: string; change: KeyChange; mappedTo?: string | null }>;
    qualificationElements: Array<{ key: string; name: string; change: KeyChange; mappedTo?: string | null }>;
    unchanged: boolean;
  };
  check: {
    accepted: boolean;
    problems: PlaybookChangeProblem[];
    plan: {
      deals: Array<{ from: DealPlace; to: DealPlace; count: number }>;
      keys: Array<{ kind: string; from: string; to: string | null; count: number }>;
      summary: PlaybookChangeSummary;
    } | null;
  };
  unmet: {
    deals: Array<{
      id: string;
      name: string;
      pipeline: string;
      stage: string;
      stageName: string;
      missing: MissingRequirement[];
    }>;
    checked: number;
    total: number;
    truncated: boolean;
  };
}
