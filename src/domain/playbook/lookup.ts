import type { Criterion, OpportunityType, Pipeline, Playbook, Stage } from './playbook.js';

export function findOpportunityType(playbook: Playbook, typeKey: string): OpportunityType | undefined {
  return playbook.opportunityTypes.find((type) => type.key === typeKey);
}

export function findPipeline(playbook: Playbook, pipelineKey: string): Pipeline | undefined {
  return playbook.pipelines.find((pipeline) => pipeline.key === pipelineKey);
}

export function findStage(pipeline: Pipeline, stageKey: string): Stage | undefined {
  return pipeline.stages.find((stage) => stage.key === stageKey);
}

/** The pipeline a deal of this type runs through (New Business and Upsell → New Business, …). */
export function pipelineForType(playbook: Playbook, typeKey: string): Pipeline | undefined {
  const type = findOpportunityType(playbook, typeKey);
  return type ? findPipeline(playbook, type.pipeline) : undefined;
}

/** Open stages in order; closed (won/lost) stages are not part of the forward path. */
export function openStages(pipeline: Pipeline): Stage[] {
  return pipeline.stages.filter((stage) => stage.outcome === 'open');
}

export function firstStage(pipeline: Pipeline): Stage {
  const [first] = openStages(pipeline);
  if (!first) throw new Error(`pipeline ${pipeline.key} has no open stage`);
  return first;
}

export function closedStage(pipeline: Pipeline, outcome: 'won' | 'lost'): Stage {
  const stage = pipeline.stages.find((candidate) => candidate.outcome === outcome);
  if (!stage) throw new Error(`pipeline ${pipeline.key} has no ${outcome} stage`);
  return stage;
}

/** Position on the forward path: open stages by order, the won stage after the last open one. */
export function pathIndex(pipeline: Pipeline, stage: Stage): number {
  const path = forwardPath(pipeline);
  return path.findIndex((candidate) => candidate.key === stage.key);
}

/** Open stages followed by the won stage: the path a deal advances along. */
export function forwardPath(pipeline: Pipeline): Stage[] {
  return [...openStages(pipeline), closedStage(pipeline, 'won')];
}

/** The next stage on the forward path, if any. */
export function nextStage(pipeline: Pipeline, stage: Stage): Stage | undefined {
  if (stage.outcome !== 'open') return undefined;
  return forwardPath(pipeline)[pathIndex(pipeline, stage) + 1];
}

export function allCriteria(
  playbook: Playbook,
): Array<{ pipeline: Pipeline; stage: Stage; criterion: Criterion }> {
  return playbook.pipelines.flatMap((pipeline) =>
    pipeline.stages.flatMap((stage) =>
      [...stage.entrance, ...stage.exit].map((criterion) => ({ pipeline, stage, criterion })),
    ),
  );
}

export function findCriterion(
  playbook: Playbook,
  pipelineKey: string,
  criterionKey: string,
): { stage: Stage; criterion: Criterion } | undefined {
  return allCriteria(playbook).find(
    (entry) => entry.pipeline.key === pipelineKey && entry.criterion.key === criterionKey,
  );
}

/** The deal sits in its pipeline's won stage (whatever the playbook keys it). */
export function isWon(playbook: Playbook, deal: { pipeline: string; stage: string }): boolean {
  const pipeline = findPipeline(playbook, deal.pipeline);
  return (pipeline && findStage(pipeline, deal.stage)?.outcome) === 'won';
}
