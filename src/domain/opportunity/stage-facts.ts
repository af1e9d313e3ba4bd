import { findPipeline, findStage, pipelineForType } from '../playbook/lookup.js';
import type { ForecastCategory, Playbook, StageOutcome } from '../playbook/playbook.js';

export interface StageFacts {
  pipeline: string;
  stage: string;
  probability: number;
  forecastCategory: ForecastCategory;
  outcome: StageOutcome;
}

/** Probability and forecast category come from the stage, never from the rep. */
export function deriveStageFacts(playbook: Playbook, pipelineKey: string, stageKey: string): StageFacts {
  const pipeline = findPipeline(playbook, pipelineKey);
  const stage = pipeline && findStage(pipeline, stageKey);
  if (!pipeline || !stage) throw new Error(`unknown stage ${pipelineKey}/${stageKey}`);
  return {
    pipeline: pipeline.key,
    stage: stage.key,
    probability: stage.probability,
    forecastCategory: stage.forecastCategory,
    outcome: stage.outcome,
  };
}

/** The pipeline of a type: undefined for a type the playbook does not know. */
export function derivePipelineKey(playbook: Playbook, typeKey: string): string | undefined {
  return pipelineForType(playbook, typeKey)?.key;
}
