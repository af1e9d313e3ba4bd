import { MEDDPICC_LEVELS, type MeddpiccLevel, type Pipeline, type Stage } from '../playbook/playbook.js';

export interface MeddpiccEntry {
  level: MeddpiccLevel;
  summary: string | null;
  contactId: string | null;
}

export type MeddpiccState = Record<string, MeddpiccEntry | undefined>;

export function levelRank(level: MeddpiccLevel): number {
  return MEDDPICC_LEVELS.indexOf(level);
}

export function meetsLevel(actual: MeddpiccLevel, required: MeddpiccLevel): boolean {
  return levelRank(actual) >= levelRank(required);
}

export function levelOf(state: MeddpiccState, element: string): MeddpiccLevel {
  return state[element]?.level ?? 'unknown';
}

export interface MeddpiccRequirement {
  element: string;
  level: Exclude<MeddpiccLevel, 'unknown'>;
  /** The stage whose list first asks for this element at this level. */
  introducedAt: string;
}

/**
 * MEDDPICC is cumulative: to leave a stage, every element listed for it or any earlier stage must be at
 * the highest level any of those stages asks for.
 */
export function meddpiccRequiredToLeave(pipeline: Pipeline, stage: Stage): MeddpiccRequirement[] {
  const required = new Map<string, MeddpiccRequirement>();
  for (const candidate of pipeline.stages) {
    for (const [element, level] of Object.entries(candidate.qualification)) {
      const known = required.get(element);
      if (!known || levelRank(level) > levelRank(known.level)) {
        required.set(element, { element, level, introducedAt: candidate.key });
      }
    }
    if (candidate.key === stage.key) break;
  }
  return [...required.values()];
}
