import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import type { MeddpiccLevel, Pipeline, Playbook, Stage } from '../playbook/playbook.js';
import { levelOf } from '../qualification/meddpicc.js';
import type { RequirementCheck } from './requirement-check.js';
import type { GateActor, StageChangeRequest } from './stage-change-request.js';

export type StageChangeKind = 'advance' | 'regress' | 'close_won' | 'close_lost' | 'reopen';
/** Snapshots are also kept when a deal is created or its type changed (the type-vs-customer check), and when
 * it is imported: `imported` records what the deal still lacks for the stage it was brought in at. */
export type GateSnapshotKind = StageChangeKind | 'create' | 'type_change' | 'imported';

/** What the gate saw when a stage changed: stored with the change, shown in the history. */
export interface GateSnapshot {
  evaluatedAt: string;
  actorId: string;
  pipeline: string;
  from: string;
  to: string;
  kind: GateSnapshotKind;
  checks: RequirementCheck[];
  meddpicc: Record<string, MeddpiccLevel>;
  override: { by: string; justification: string } | null;
  reason: string | null;
  lossReason: string | null;
  winningCompetitor: string | null;
}

/** The snapshot of one move: every check, the MEDDPICC levels, who, when, and the reasons given. */
export function buildSnapshot(
  playbook: Playbook,
  pipeline: Pipeline,
  facts: OpportunityFacts,
  request: StageChangeRequest,
  actor: GateActor,
  now: Date,
  move: {
    kind: StageChangeKind;
    from: Stage;
    to: Stage;
    checks: RequirementCheck[];
    override: GateSnapshot['override'];
  },
): GateSnapshot {
  const levels = playbook.qualification.elements.map((element): [string, MeddpiccLevel] => [
    element.key,
    levelOf(facts.meddpicc, element.key),
  ]);
  return {
    evaluatedAt: now.toISOString(),
    actorId: actor.id,
    pipeline: pipeline.key,
    from: move.from.key,
    to: move.to.key,
    kind: move.kind,
    checks: move.checks,
    meddpicc: Object.fromEntries(levels),
    override: move.override,
    reason: request.reason?.trim() || null,
    lossReason: request.lossReason?.trim() || null,
    winningCompetitor: request.winningCompetitor?.trim() || null,
  };
}

/** The snapshot of a create or a type change: the type-vs-customer check and its override, if any. */
export function typeFitSnapshot(
  playbook: Playbook,
  deal: { pipeline: string; stage: string; meddpicc: OpportunityFacts['meddpicc'] },
  kind: 'create' | 'type_change',
  pass: { check: RequirementCheck; override: GateSnapshot['override'] },
  actorId: string,
  now: Date,
): GateSnapshot {
  return {
    evaluatedAt: now.toISOString(),
    actorId,
    pipeline: deal.pipeline,
    from: deal.stage,
    to: deal.stage,
    kind,
    checks: [pass.check],
    meddpicc: Object.fromEntries(
      playbook.qualification.elements.map((element) => [element.key, levelOf(deal.meddpicc, element.key)]),
    ),
    override: pass.override,
    reason: null,
    lossReason: null,
    winningCompetitor: null,
  };
}
