import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import { findPipeline, findStage, openStages, pathIndex } from '../playbook/lookup.js';
import type { Pipeline, Playbook, Stage } from '../playbook/playbook.js';
import { err, ok, type Result } from '../result.js';
import { blank, checkLoss, requireText } from './field-checks.js';
import { checkForwardMove } from './forward-checks.js';
import { buildSnapshot, type GateSnapshot, type StageChangeKind } from './gate-snapshot.js';
import type { GateActor, StageChangeRequest } from './stage-change-request.js';

export type { GateActor, StageChangeRequest } from './stage-change-request.js';

import {
  type MissingRequirement,
  missingField,
  type RequirementCheck,
  toMissing,
} from './requirement-check.js';

export interface StageChangePlan {
  kind: StageChangeKind;
  from: Stage;
  to: Stage;
  snapshot: GateSnapshot;
}

export type StageChangeRefusal =
  | { code: 'unknown_stage'; message: string }
  | { code: 'illegal_transition'; message: string }
  | { code: 'override_not_allowed'; message: string }
  | { code: 'gate_blocked'; message: string; missing: MissingRequirement[]; checks: RequirementCheck[] };

type Classified = { ok: true; kind: StageChangeKind } | { ok: false; message: string };

function classify(pipeline: Pipeline, from: Stage, to: Stage, actor: GateActor): Classified {
  if (from.key === to.key) return { ok: false, message: `The deal is already in ${to.name}.` };
  if (from.outcome !== 'open') {
    if (to.outcome !== 'open')
      return { ok: false, message: `A closed deal can only be reopened into an open stage.` };
    if (!actor.canReopen) return { ok: false, message: 'Reopening a closed deal is an admin action.' };
    return { ok: true, kind: 'reopen' };
  }
  if (to.outcome === 'lost') return { ok: true, kind: 'close_lost' };
  if (to.outcome === 'won') {
    const lastOpen = openStages(pipeline).at(-1);
    if (from.key !== lastOpen?.key) {
      return {
        ok: false,
        message: `${to.name} is reachable only from ${lastOpen?.name ?? 'the last open stage'}.`,
      };
    }
    return { ok: true, kind: 'close_won' };
  }
  return { ok: true, kind: pathIndex(pipeline, to) < pathIndex(pipeline, from) ? 'regress' : 'advance' };
}

function checksFor(
  kind: StageChangeKind,
  playbook: Playbook,
  pipeline: Pipeline,
  from: Stage,
  to: Stage,
  facts: OpportunityFacts,
  request: StageChangeRequest,
) {
  switch (kind) {
    case 'advance':
    case 'close_won':
      return checkForwardMove(playbook, pipeline, from, to, facts);
    case 'close_lost':
      return checkLoss(playbook, to, request);
    case 'regress':
      return requireText(request.reason, to, 'reason', 'Reason', 'Moving a deal backward needs a reason.');
    case 'reopen':
      return requireText(request.reason, to, 'reason', 'Reason', 'Reopening a closed deal needs a reason.');
  }
}

/**
 * Decides whether a deal may move to another stage, and records why. Pure: the caller loads the facts
 * and saves the plan (with its snapshot) or reports the refusal.
 */
export function planStageChange(
  playbook: Playbook,
  facts: OpportunityFacts,
  request: StageChangeRequest,
  actor: GateActor,
  now: Date,
): Result<StageChangePlan, StageChangeRefusal> {
  const pipeline = findPipeline(playbook, facts.pipeline);
  const from = pipeline && findStage(pipeline, facts.stage);
  if (!pipeline || !from) throw new Error(`deal is in unknown stage ${facts.pipeline}/${facts.stage}`);
  const to = findStage(pipeline, request.to);
  if (!to) {
    const names = pipeline.stages.map((stage) => stage.key).join(', ');
    return err({
      code: 'unknown_stage',
      message: `"${request.to}" is not a stage of ${pipeline.name}: ${names}.`,
    });
  }
  const classified = classify(pipeline, from, to, actor);
  if (!classified.ok) return err({ code: 'illegal_transition', message: classified.message });
  const { kind } = classified;
  const checks = checksFor(kind, playbook, pipeline, from, to, facts, request);
  const plan = (override: GateSnapshot['override']): StageChangePlan => ({
    kind,
    from,
    to,
    snapshot: buildSnapshot(playbook, pipeline, facts, request, actor, now, {
      kind,
      from,
      to,
      checks,
      override,
    }),
  });
  if (checks.every((check) => check.met)) return ok(plan(null));
  if (!request.override) return err(blockedBy(to, checks));
  const problem = overrideProblem(kind, to, checks, request.override, actor);
  if (problem?.code === 'override_not_allowed') return err(problem);
  if (problem) return err(blockedBy(to, [...checks, ...problem.extra]));
  return ok(plan({ by: actor.id, justification: request.override.justification.trim() }));
}

function blockedBy(to: Stage, checks: RequirementCheck[]): StageChangeRefusal {
  const missing = toMissing(checks);
  return {
    code: 'gate_blocked',
    message: `${to.name} is blocked: ${missing.length} requirement(s) unmet.`,
    missing,
    checks,
  };
}

function overrideProblem(
  kind: StageChangeKind,
  to: Stage,
  checks: RequirementCheck[],
  override: { justification: string },
  actor: GateActor,
):
  | { code: 'override_not_allowed'; message: string }
  | { code: 'still_blocked'; extra: RequirementCheck[] }
  | null {
  if (kind !== 'advance') {
    return {
      code: 'override_not_allowed',
      message: `A move to ${to.name} cannot be overridden; meet its requirements.`,
    };
  }
  if (!actor.canOverride) {
    return {
      code: 'override_not_allowed',
      message: 'Only a Regional VP or an admin may override a stage gate.',
    };
  }
  if (checks.some((check) => !check.met && check.kind === 'field'))
    return { code: 'still_blocked', extra: [] };
  if (blank(override.justification)) {
    const why = 'An override needs a written justification.';
    return { code: 'still_blocked', extra: [missingField(to.key, 'justification', 'Justification', why)] };
  }
  return null;
}
