import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import { findPipeline, findStage, nextStage } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
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
