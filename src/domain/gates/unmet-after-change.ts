import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import { findOpportunityType, findPipeline, findStage, firstStage } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
import { mapKey, mapStage } from '../playbook/playbook-mappings.js';
import { levelsOwed } from '../qualification/levels-due.js';
import { checkForwardMove } from './forward-checks.js';
import type { MissingRequirement } from './requirement-check.js';

/**
 * What a deal in its stage should have met to get there, and has not: the gate of a forward move from the
 * pipeline's first stage to the deal's (criteria, qualification levels; not the type's fit, which is judged
 * on the day). Empty for a deal in the first stage, a closed deal, or one the playbook has no place for.
 */
export function unmetAtStage(playbook: Playbook, facts: OpportunityFacts): MissingRequirement[] {
  const pipeline = findPipeline(playbook, facts.pipeline);
  const stage = pipeline && findStage(pipeline, facts.stage);
  if (!pipeline || !stage || stage.outcome !== 'open') return [];
  const first = firstStage(pipeline);
  if (first.key === stage.key) return [];
  return checkForwardMove(playbook, pipeline, first, stage, facts)
    .filter((check) => !check.met && check.kind !== 'customer_fit')
    .map(({ met: _met, ...missing }) => missing);
}

function renameKeys<T>(
  record: Record<string, T | undefined>,
  rename: (key: string) => string | null,
): Record<string, T | undefined> {
  const renamed: Record<string, T | undefined> = {};
  for (const [key, value] of Object.entries(record)) {
    const to = rename(key);
    if (to !== null && renamed[to] === undefined) renamed[to] = value;
  }
  return renamed;
}

/** A deal's facts as the new version will hold them once its mappings are applied. */
export function mapFacts(next: Playbook, facts: OpportunityFacts): OpportunityFacts {
  const mappings = next.mappings;
  const type = mapKey(mappings, 'type', facts.type) ?? facts.type;
  return {
    ...facts,
    type,
    pipeline: findOpportunityType(next, type)?.pipeline ?? facts.pipeline,
    stage: mapStage(mappings, facts.pipeline, facts.stage),
    source: mapKey(mappings, 'leadSource', facts.source) ?? facts.source,
    attestations: renameKeys(facts.attestations, (key) => mapKey(mappings, 'criterion', key)),
    meddpicc: renameKeys(facts.meddpicc, (key) => mapKey(mappings, 'qualificationElement', key)),
    milestones: renameKeys(facts.milestones, (key) => mapKey(mappings, 'milestone', key)),
  };
}

/** What the new version asks of the deal at its stage that the old one did not (or that it met then). */
export function newlyUnmet(
  previous: Playbook,
  next: Playbook,
  facts: OpportunityFacts,
): MissingRequirement[] {
  const before = new Set(unmetAtStage(previous, facts).map((missing) => `${missing.kind}/${missing.key}`));
  return unmetAtStage(next, mapFacts(next, facts)).filter(
    (missing) => !before.has(`${missing.kind}/${missing.key}`),
  );
}

interface Renames {
  criterion: (key: string) => string | null;
  element: (key: string) => string | null;
}
const REQUIRED_LEVELS = ['identified', 'validated'] as const;
const SAME: Renames = { criterion: (key) => key, element: (key) => key };

/** What reaching a stage asks for, as `criterion/<key>` and `level/<element>/<level>` (not facts: the playbook). */
function owedAt(playbook: Playbook, pipelineKey: string, stageKey: string, rename: Renames = SAME) {
  const pipeline = findPipeline(playbook, pipelineKey);
  const stage = pipeline && findStage(pipeline, stageKey);
  if (!pipeline || !stage || stage.outcome !== 'open') return new Set<string>();
  const owed = new Set<string>();
  // A level owed covers the lower ones: a stage that now asks "identified" where "validated" was owed asks less.
  for (const [element, due] of levelsOwed(pipeline, stageKey)) {
    for (const level of REQUIRED_LEVELS.slice(0, REQUIRED_LEVELS.indexOf(due.level) + 1))
      owed.add(`level/${rename.element(element)}/${level}`);
  }
  for (const candidate of pipeline.stages) {
    if (candidate.key === stageKey) {
      for (const criterion of candidate.entrance) owed.add(`criterion/${rename.criterion(criterion.key)}`);
      break;
    }
    for (const criterion of [...candidate.entrance, ...candidate.exit])
      owed.add(`criterion/${rename.criterion(criterion.key)}`);
  }
  return owed;
}

/**
 * The previous version's open stages (pipeline, stage) whose deals the new version asks more of: a criterion or
 * a qualification level owed at the (mapped) stage that was not owed before. Only their deals can newly fall short.
 */
export function stagesAskingMore(
  previous: Playbook,
  next: Playbook,
): Array<{ pipeline: string; stage: string }> {
  const mappings = next.mappings;
  const renameOld: Renames = {
    criterion: (key) => mapKey(mappings, 'criterion', key),
    element: (key) => mapKey(mappings, 'qualificationElement', key),
  };
  return previous.pipelines.flatMap((pipeline) =>
    pipeline.stages.flatMap((stage) => {
      if (stage.outcome !== 'open') return [];
      const before = owedAt(previous, pipeline.key, stage.key, renameOld);
      const after = owedAt(next, pipeline.key, mapStage(mappings, pipeline.key, stage.key));
      const more = [...after].some((key) => !before.has(key));
      return more ? [{ pipeline: pipeline.key, stage: stage.key }] : [];
    }),
  );
}
