import type { MeddpiccLevel, Pipeline } from '../../api';

/**
 * Which stage needs an element at which level, in words: the first stage of the pipeline that requires each
 * level to leave it (the requirement is cumulative: later stages keep it). E.g. "identified to leave
 * Opportunity Created · validated to leave Propose".
 */
export function describeNeeds(pipeline: Pipeline, element: string): string {
  const firsts = new Map<MeddpiccLevel, string>();
  for (const stage of pipeline.stages) {
    const level = stage.qualification[element];
    if (level && !firsts.has(level)) firsts.set(level, stage.name);
  }
  if (firsts.size === 0) return 'Not required by this pipeline.';
  return [...firsts].map(([level, stage]) => `${level} to leave ${stage}`).join(' · ');
}

/** The level the element must have to leave the deal's current stage (cumulative), if any. */
export function levelNeededToLeave(
  pipeline: Pipeline,
  stageKey: string,
  element: string,
): MeddpiccLevel | null {
  const rank: Record<MeddpiccLevel, number> = { unknown: 0, identified: 1, validated: 2 };
  let needed: MeddpiccLevel | null = null;
  for (const stage of pipeline.stages) {
    const level = stage.qualification[element];
    if (level && (needed === null || rank[level] > rank[needed])) needed = level;
    if (stage.key === stageKey) break;
  }
  return needed;
}
