import { nextStage, openStages } from '../playbook/lookup.js';
import type { Criterion, MeddpiccLevel, Pipeline, Stage } from '../playbook/playbook.js';
import { levelRank } from './meddpicc.js';

type RequiredLevel = Exclude<MeddpiccLevel, 'unknown'>;

/** A level an element must have reached, and the stage that asks for it. */
export interface LevelDue {
  level: RequiredLevel;
  stage: Stage;
}

function raise(due: Map<string, LevelDue>, element: string, level: RequiredLevel, stage: Stage) {
  const known = due.get(element);
  if (!known || levelRank(level) > levelRank(known.level)) due.set(element, { level, stage });
}

function fromCriteria(due: Map<string, LevelDue>, criteria: readonly Criterion[], stage: Stage) {
  for (const criterion of criteria) {
    const source = criterion.source;
    if (source.kind === 'derived' && source.rule === 'qualification_element')
      raise(due, source.element, source.atLeast, stage);
  }
}

/**
 * What the gate has already asked of a deal in `stageKey`: the MEDDPICC levels needed to leave every earlier
 * stage (the matrix and the criteria derived from one element), and the current stage's entrance. A deal below
 * these got here by an override or has lost ground since.
 */
export function levelsOwed(pipeline: Pipeline, stageKey: string): Map<string, LevelDue> {
  const due = new Map<string, LevelDue>();
  for (const stage of openStages(pipeline)) {
    if (stage.key === stageKey) {
      fromCriteria(due, stage.entrance, stage);
      break;
    }
    for (const [element, level] of Object.entries(stage.qualification)) raise(due, element, level, stage);
    fromCriteria(due, [...stage.entrance, ...stage.exit], stage);
  }
  return due;
}

/**
 * What moving on from `stageKey` asks for: what is owed, plus the stage's own MEDDPICC list and exit criteria
 * and the next stage's entrance criteria.
 */
export function levelsToLeave(pipeline: Pipeline, stageKey: string): Map<string, LevelDue> {
  const due = levelsOwed(pipeline, stageKey);
  const stage = pipeline.stages.find((candidate) => candidate.key === stageKey);
  if (stage?.outcome !== 'open') return due;
  for (const [element, level] of Object.entries(stage.qualification)) raise(due, element, level, stage);
  fromCriteria(due, stage.exit, stage);
  const next = nextStage(pipeline, stage);
  if (next) fromCriteria(due, next.entrance, stage);
  return due;
}
