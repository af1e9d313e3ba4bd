import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import { findPipeline, findStage, forwardPath, nextStage } from '../playbook/lookup.js';
import type { Playbook, Stage } from '../playbook/playbook.js';
import { checkForwardMove } from './forward-checks.js';
import { type MissingRequirement, type RequirementCheck, toMissing } from './requirement-check.js';

export interface NextStagePreview {
  stage: string;
  name: string;
  ready: boolean;
  checks: RequirementCheck[];
  missing: MissingRequirement[];
}

/** What the deal still needs to move one stage forward; null for closed deals. */
export function previewNextStage(playbook: Playbook, facts: OpportunityFacts): NextStagePreview | null {
  const pipeline = findPipeline(playbook, facts.pipeline);
  const current = pipeline && findStage(pipeline, facts.stage);
  const next = pipeline && current && nextStage(pipeline, current);
  if (!pipeline || !current || !next) return null;
  const checks = checkForwardMove(playbook, pipeline, current, next, facts);
  const missing = toMissing(checks);
  return { stage: next.key, name: next.name, ready: missing.length === 0, checks, missing };
}

/**
 * The furthest stage the deal could move to now (through the gate, without an override): each stage further
 * along asks for everything the nearer ones do, so the first refused one ends the walk. Null when not even the
 * next stage is open to it, or the deal is closed.
 */
export function furthestReachable(
  playbook: Playbook,
  facts: OpportunityFacts,
): { stage: string; name: string } | null {
  const pipeline = findPipeline(playbook, facts.pipeline);
  const current = pipeline && findStage(pipeline, facts.stage);
  if (!pipeline || !current || current.outcome !== 'open') return null;
  const path = forwardPath(pipeline);
  const lastOpen = path.at(-2);
  let reachable: Stage | null = null;
  for (const target of path.slice(path.indexOf(current) + 1)) {
    if (target.outcome === 'won' && current.key !== lastOpen?.key) break;
    if (checkForwardMove(playbook, pipeline, current, target, facts).some((check) => !check.met)) break;
    reachable = target;
  }
  return reachable && { stage: reachable.key, name: reachable.name };
}
