import type { MissingRequirement, Pipeline } from '../api';

export interface MissingByStage {
  stage: string;
  stageName: string;
  items: MissingRequirement[];
}

/**
 * A refusal's `missing` list as people read it: grouped by the stage each requirement belongs to, in the
 * pipeline's order, each requirement once (the same criterion or element named twice shows once).
 */
export function groupMissing(missing: readonly MissingRequirement[], pipeline: Pipeline): MissingByStage[] {
  const seen = new Set<string>();
  const groups = new Map<string, MissingRequirement[]>();
  for (const item of missing) {
    const id = `${item.kind}:${item.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    groups.set(item.stage, [...(groups.get(item.stage) ?? []), item]);
  }
  const order = (stage: string) => {
    const index = pipeline.stages.findIndex((candidate) => candidate.key === stage);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([stage, items]) => ({
      stage,
      stageName: pipeline.stages.find((candidate) => candidate.key === stage)?.name ?? stage,
      items,
    }));
}
