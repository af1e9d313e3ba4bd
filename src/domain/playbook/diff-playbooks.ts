import { findPipeline, findStage } from './lookup.js';
import type { MeddpiccLevel, Pipeline, Playbook, Stage } from './playbook.js';
import { mapKey, mapStage } from './playbook-mappings.js';

export type KeyChange = 'added' | 'removed' | 'mapped';

export interface StageDiff {
  pipeline: string;
  key: string;
  name: string;
  change: KeyChange;
  /** For `mapped`: the stage its deals go to. */
  mappedTo?: string;
}

export interface ProbabilityDiff {
  pipeline: string;
  stage: string;
  name: string;
  from: number;
  to: number;
  forecastFrom: string;
  forecastTo: string;
}

export interface CriterionDiff {
  pipeline: string;
  stage: string;
  phase: 'entrance' | 'exit';
  key: string;
  text: string;
  change: KeyChange;
  mappedTo?: string | null;
}

export interface LevelDiff {
  pipeline: string;
  stage: string;
  element: string;
  from: MeddpiccLevel | null;
  to: MeddpiccLevel | null;
}

export interface NamedKeyDiff {
  key: string;
  name: string;
  change: KeyChange;
  mappedTo?: string | null;
}

/** What changes between two versions of a playbook, key by key (the live-data effect is checked apart). */
export interface PlaybookDiff {
  stages: StageDiff[];
  probabilities: ProbabilityDiff[];
  criteria: CriterionDiff[];
  qualificationLevels: LevelDiff[];
  types: NamedKeyDiff[];
  qualificationElements: NamedKeyDiff[];
  /** Nothing the diff looks at changed (texts and settings may still differ). */
  unchanged: boolean;
}

function keyed<T extends { key: string }>(
  before: readonly T[],
  after: readonly T[],
  mapped: (key: string) => string | null,
  name: (item: T) => string,
): NamedKeyDiff[] {
  const next = new Set(after.map((item) => item.key));
  const previous = new Set(before.map((item) => item.key));
  const gone = before
    .filter((item) => !next.has(item.key))
    .map((item): NamedKeyDiff => {
      const to = mapped(item.key);
      return to === item.key
        ? { key: item.key, name: name(item), change: 'removed' }
        : { key: item.key, name: name(item), change: 'mapped', mappedTo: to };
    });
  const added = after
    .filter((item) => !previous.has(item.key))
    .map((item): NamedKeyDiff => ({ key: item.key, name: name(item), change: 'added' }));
  return [...gone, ...added];
}

function criteriaOf(pipeline: Pipeline) {
  return pipeline.stages.flatMap((stage) =>
    (['entrance', 'exit'] as const).flatMap((phase) =>
      stage[phase].map((criterion) => ({ stage, phase, criterion })),
    ),
  );
}

function diffPipeline(before: Pipeline, after: Pipeline | undefined, next: Playbook) {
  const stages: StageDiff[] = [];
  const probabilities: ProbabilityDiff[] = [];
  const levels: LevelDiff[] = [];
  for (const stage of before.stages) {
    const same = after && findStage(after, stage.key);
    if (!same) {
      const to = mapStage(next.mappings, before.key, stage.key);
      stages.push({
        pipeline: before.key,
        key: stage.key,
        name: stage.name,
        ...(to === stage.key ? { change: 'removed' } : { change: 'mapped', mappedTo: to }),
      });
      continue;
    }
    if (same.probability !== stage.probability || same.forecastCategory !== stage.forecastCategory) {
      probabilities.push({
        pipeline: before.key,
        stage: stage.key,
        name: same.name,
        from: stage.probability,
        to: same.probability,
        forecastFrom: stage.forecastCategory,
        forecastTo: same.forecastCategory,
      });
    }
    levels.push(...diffLevels(before.key, stage, same));
  }
  for (const stage of after?.stages ?? []) {
    if (!findStage(before, stage.key))
      stages.push({ pipeline: before.key, key: stage.key, name: stage.name, change: 'added' });
  }
  const criteria: CriterionDiff[] = [];
  const nextCriteria = after ? criteriaOf(after) : [];
  const oldCriteria = criteriaOf(before);
  for (const { stage, phase, criterion } of oldCriteria) {
    if (nextCriteria.some((entry) => entry.criterion.key === criterion.key)) continue;
    const to = mapKey(next.mappings, 'criterion', criterion.key);
    const base = { pipeline: before.key, stage: stage.key, phase, key: criterion.key, text: criterion.text };
    criteria.push(
      to === criterion.key ? { ...base, change: 'removed' } : { ...base, change: 'mapped', mappedTo: to },
    );
  }
  for (const { stage, phase, criterion } of nextCriteria) {
    if (oldCriteria.some((entry) => entry.criterion.key === criterion.key)) continue;
    criteria.push({
      pipeline: before.key,
      stage: stage.key,
      phase,
      key: criterion.key,
      text: criterion.text,
      change: 'added',
    });
  }
  return { stages, probabilities, levels, criteria };
}

function diffLevels(pipeline: string, before: Stage, after: Stage): LevelDiff[] {
  const elements = new Set([...Object.keys(before.qualification), ...Object.keys(after.qualification)]);
  return [...elements].flatMap((element) => {
    const from = before.qualification[element] ?? null;
    const to = after.qualification[element] ?? null;
    return from === to ? [] : [{ pipeline, stage: before.key, element, from, to }];
  });
}

/** Stages, probabilities, criteria, qualification levels, types and elements that differ, mappings shown. */
export function diffPlaybooks(previous: Playbook, next: Playbook): PlaybookDiff {
  const parts = previous.pipelines.map((pipeline) =>
    diffPipeline(pipeline, findPipeline(next, pipeline.key), next),
  );
  const addedPipelines = next.pipelines.filter((pipeline) => !findPipeline(previous, pipeline.key));
  const added = addedPipelines.flatMap((pipeline) => [
    ...pipeline.stages.map(
      (stage): StageDiff => ({ pipeline: pipeline.key, key: stage.key, name: stage.name, change: 'added' }),
    ),
  ]);
  const diff = {
    stages: [...parts.flatMap((part) => part.stages), ...added],
    probabilities: parts.flatMap((part) => part.probabilities),
    criteria: parts.flatMap((part) => part.criteria),
    qualificationLevels: parts.flatMap((part) => part.levels),
    types: keyed(
      previous.opportunityTypes,
      next.opportunityTypes,
      (key) => mapKey(next.mappings, 'type', key),
      (type) => type.name,
    ),
    qualificationElements: keyed(
      previous.qualification.elements,
      next.qualification.elements,
      (key) => mapKey(next.mappings, 'qualificationElement', key),
      (element) => element.name,
    ),
  };
  const unchanged = Object.values(diff).every((items) => items.length === 0);
  return { ...diff, unchanged };
}
