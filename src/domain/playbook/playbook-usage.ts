import type { ForecastCategory } from './playbook.js';

/** Deals that share a type, pipeline, stage and the stage facts stored with them, and how many they are. */
export interface DealGroup {
  type: string;
  pipeline: string;
  stage: string;
  probability: number;
  forecastCategory: ForecastCategory | string;
  count: number;
}

/** Attestations of one criterion on deals of one type and pipeline. */
export interface AttestationGroup {
  type: string;
  pipeline: string;
  criterion: string;
  count: number;
}

export interface KeyCount {
  key: string;
  count: number;
}

/** Every playbook key the records use, counted: what a new version must still have, or map. */
export interface PlaybookUsage {
  deals: DealGroup[];
  attestations: AttestationGroup[];
  qualificationElements: KeyCount[];
  milestones: KeyCount[];
  leadSources: KeyCount[];
  lossReasons: KeyCount[];
}

export const NO_USAGE: PlaybookUsage = {
  deals: [],
  attestations: [],
  qualificationElements: [],
  milestones: [],
  leadSources: [],
  lossReasons: [],
};
