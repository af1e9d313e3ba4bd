import { allCriteria, forwardPath, openStages } from '../playbook/lookup.js';
import type { Pipeline, Playbook, Stage } from '../playbook/playbook.js';
import type { LevelDue } from '../qualification/levels-due.js';
import { levelsOwed, levelsToLeave } from '../qualification/levels-due.js';
import { levelRank, meddpiccRequiredToLeave } from '../qualification/meddpicc.js';
import { type CompiledHealth, compileHealth } from './compiled-health.js';
import {
  type CompiledRequirements,
  forwardMoveRows,
  type RequirementIndexes,
  toColumns,
} from './compiled-requirements.js';
import { judgesPoc } from './health.js';

/**
 * A playbook folded into lookup tables for `evaluateFast` (decision 024 §3), built once per playbook version.
 * Stages are numbered globally (every pipeline's stages in order); per-stage MEDDPICC tables are
 * `Uint8Array(stages × elements)` of level ranks (0: nothing asked).
 */
export interface CompiledPlaybook {
  playbook: Playbook;
  elementKeys: readonly string[];
  elementIndex: ReadonlyMap<string, number>;
  attestationIndex: ReadonlyMap<string, number>;
  /** Attested criteria (columns per deal in `attestations`). */
  attestationCount: number;
  milestoneIndex: ReadonlyMap<string, number>;
  sourceIndex: ReadonlyMap<string, number>;
  pipelineKeys: readonly string[];
  /** First global stage of each pipeline, and one past the last (length pipelines + 1). */
  pipelineStart: Int32Array;
  stageKeys: readonly string[];
  stageOpen: Uint8Array;
  /** The next open stage (what "through next" adds for timeline pressure); -1 for the last open and closed ones. */
  nextOpen: Int32Array;
  /** The requirements of the move to the next forward stage: [moveStart, moveEnd); -1 for closed stages. */
  moveStart: Int32Array;
  moveEnd: Int32Array;
  /** Words of a missing-requirements bit mask per deal (32 requirements a word, relative to moveStart). */
  missingWords: number;
  requirements: CompiledRequirements;
  /** `meddpiccRequiredToLeave`, `levelsOwed` and `levelsToLeave` per stage, by element. */
  leaveLevels: Uint8Array;
  owedLevels: Uint8Array;
  toLeaveLevels: Uint8Array;
  judgesPoc: Uint8Array;
  health: CompiledHealth;
  fastRatio: number;
  stallRatio: number;
}

const keyIndex = (keys: readonly string[]) => new Map(keys.map((key, index) => [key, index]));

function levelRow(
  table: Uint8Array,
  row: number,
  width: number,
  due: ReadonlyMap<string, { level: LevelDue['level'] }>,
  elements: ReadonlyMap<string, number>,
) {
  for (const [element, { level }] of due) {
    const index = elements.get(element);
    if (index !== undefined) table[row * width + index] = levelRank(level);
  }
}

function capped<T>(keys: readonly T[], what: string): readonly T[] {
  if (keys.length > 32) throw new Error(`compilePlaybook: more than 32 ${what} do not fit a bit mask`);
  return keys;
}

export function compilePlaybook(playbook: Playbook): CompiledPlaybook {
  const elementKeys = playbook.qualification.elements.map((element) => element.key);
  const elementIndex = keyIndex(elementKeys);
  const E = elementKeys.length;
  const criteria = allCriteria(playbook);
  const attested = [
    ...new Set(criteria.filter((c) => c.criterion.source.kind === 'attested').map((c) => c.criterion.key)),
  ];
  const milestoneKeys = new Set(playbook.milestones.map((milestone) => milestone.key));
  for (const { criterion } of criteria)
    if (criterion.source.kind === 'derived' && criterion.source.rule === 'milestone_recorded')
      milestoneKeys.add(criterion.source.milestone);
  const sourceIndex = keyIndex(
    capped(
      playbook.leadSources.map((source) => source.key),
      'lead sources',
    ),
  );
  const milestoneIndex = keyIndex(capped([...milestoneKeys], 'milestones'));
  const pipelineStart = new Int32Array(playbook.pipelines.length + 1);
  const stages: Array<{ pipeline: Pipeline; stage: Stage }> = [];
  playbook.pipelines.forEach((pipeline, index) => {
    pipelineStart[index] = stages.length;
    for (const stage of pipeline.stages) stages.push({ pipeline, stage });
  });
  pipelineStart[playbook.pipelines.length] = stages.length;
  const G = stages.length;
  const globalIndex = (pipeline: Pipeline, stage: Stage) =>
    (pipelineStart[playbook.pipelines.indexOf(pipeline)] ?? 0) + pipeline.stages.indexOf(stage);
  const indexes: RequirementIndexes = {
    element: elementIndex,
    attestation: keyIndex(attested),
    milestone: milestoneIndex,
    source: sourceIndex,
    stage: globalIndex,
  };
  const compiled = {
    stageOpen: new Uint8Array(G),
    nextOpen: new Int32Array(G).fill(-1),
    moveStart: new Int32Array(G).fill(-1),
    moveEnd: new Int32Array(G).fill(-1),
    leaveLevels: new Uint8Array(G * E),
    owedLevels: new Uint8Array(G * E),
    toLeaveLevels: new Uint8Array(G * E),
    judgesPoc: new Uint8Array(G),
  };
  const rows: ReturnType<typeof forwardMoveRows> = [];
  let widest = 0;
  stages.forEach(({ pipeline, stage }, g) => {
    const leave = new Map(meddpiccRequiredToLeave(pipeline, stage).map((req) => [req.element, req]));
    levelRow(compiled.leaveLevels, g, E, leave, elementIndex);
    if (stage.outcome !== 'open') return;
    compiled.stageOpen[g] = 1;
    compiled.judgesPoc[g] = judgesPoc(stage) ? 1 : 0;
    levelRow(compiled.owedLevels, g, E, levelsOwed(pipeline, stage.key), elementIndex);
    levelRow(compiled.toLeaveLevels, g, E, levelsToLeave(pipeline, stage.key), elementIndex);
    const open = openStages(pipeline);
    const next = open[open.indexOf(stage) + 1];
    if (next) compiled.nextOpen[g] = globalIndex(pipeline, next);
    const path = forwardPath(pipeline);
    const move = forwardMoveRows(pipeline, path, path.indexOf(stage), indexes);
    compiled.moveStart[g] = rows.length;
    rows.push(...move);
    compiled.moveEnd[g] = rows.length;
    widest = Math.max(widest, move.length);
  });
  return {
    playbook,
    elementKeys,
    elementIndex,
    attestationIndex: indexes.attestation,
    attestationCount: attested.length,
    milestoneIndex,
    sourceIndex,
    pipelineKeys: playbook.pipelines.map((pipeline) => pipeline.key),
    pipelineStart,
    stageKeys: stages.map(({ stage }) => stage.key),
    ...compiled,
    missingWords: Math.max(1, Math.ceil(widest / 32)),
    requirements: toColumns(rows),
    health: compileHealth(playbook, elementIndex),
    fastRatio: playbook.inspection.velocity.fastRatio,
    stallRatio: playbook.inspection.velocity.stallRatio,
  };
}

/** The global index of a pipeline's stage, or -1. */
export function stageIndexOf(compiled: CompiledPlaybook, pipelineKey: string, stageKey: string): number {
  const p = compiled.pipelineKeys.indexOf(pipelineKey);
  if (p < 0) return -1;
  const start = compiled.pipelineStart[p] ?? 0;
  const end = compiled.pipelineStart[p + 1] ?? 0;
  for (let g = start; g < end; g++) if (compiled.stageKeys[g] === stageKey) return g;
  return -1;
}

/**
 * Expected business days per global stage (NaN: no expectation) from each pipeline's expected durations
 * (`ExpectedDurations.days`, the playbook's or the medians of closed deals): built once per refresh.
 */
export function compileExpectations(
  compiled: CompiledPlaybook,
  daysByPipeline: Readonly<Record<string, Readonly<Record<string, number>>>>,
): Float64Array {
  const table = new Float64Array(compiled.stageKeys.length).fill(Number.NaN);
  compiled.pipelineKeys.forEach((pipelineKey, p) => {
    const days = daysByPipeline[pipelineKey] ?? {};
    for (let g = compiled.pipelineStart[p] ?? 0; g < (compiled.pipelineStart[p + 1] ?? 0); g++) {
      const value = days[compiled.stageKeys[g] ?? ''];
      if (value !== undefined) table[g] = value;
    }
  });
  return table;
}
