import type { Kysely } from 'kysely';
import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import { insertStageChanges } from '../../db/repositories/stage-changes-repo.js';
import type { Database } from '../../db/schema.js';
import type { GateSnapshot } from '../../domain/gates/gate-snapshot.js';
import { planStageChange, type StageChangeRefusal } from '../../domain/gates/plan-stage-change.js';
import { furthestReachable } from '../../domain/gates/preview-next-stage.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { deriveStageFacts } from '../../domain/opportunity/stage-facts.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import { recordWonContract } from '../closing/won-contract.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspectionOf } from '../inspection/store-inspection-of.js';
import { recordEvent } from '../shared/record-event.js';
import { loadQualification, toFacts } from './load-opportunity-facts.js';
import type { StageChangeInput } from './opportunity-inputs.js';

export interface StageChanged {
  opportunity: Opportunity;
  gate: GateSnapshot;
  /** The commit contract a deal won on its closing evidence got (recordWonContract), else null. */
  contractId: string | null;
}

/**
 * The one way a deal changes stage, for API, CLI, imports and the seed alike: load the deal, let the gate
 * decide, then save the move, its history row and its audit event with the gate snapshot in one transaction.
 */
export async function changeStage(
  context: AppContext,
  actor: Actor,
  id: string,
  input: StageChangeInput,
  expectedVersion?: number,
): Promise<Result<StageChanged, AppError>> {
  return context.db
    .transaction()
    .execute((trx) => changeStageIn(context, trx, actor, id, input, expectedVersion));
}

/** The stage change inside a transaction the caller holds (the deal closing itself when evidence arrives). */
export async function changeStageIn(
  context: AppContext,
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
  input: StageChangeInput,
  expectedVersion?: number,
): Promise<Result<StageChanged, AppError>> {
  const locked = await lockOpportunity(trx, actor, id, 'edit', expectedVersion);
  if (!locked.ok) return locked;
  const current = locked.value;
  const now = context.now();
  const qualification = await loadQualification(trx, current, now);
  const facts = toFacts(context.playbook, current, qualification);
  const planned = planStageChange(context.playbook, facts, input, actor, now);
  if (!planned.ok) return err(toAppError(planned.error, furthestReachable(context.playbook, facts)));
  const { kind, to, snapshot } = planned.value;
  const stage = deriveStageFacts(context.playbook, current.pipeline, to.key);
  const closing = stage.outcome !== 'open';
  const next: Opportunity = {
    ...current,
    stage: stage.stage,
    probability: stage.probability,
    forecastCategory: stage.forecastCategory,
    stageEnteredAt: now,
    stallSnooze: null,
    closedAt: closing ? now : null,
    closeDate: closing ? now.toISOString().slice(0, 10) : current.closeDate,
    lossReason: kind === 'close_lost' ? snapshot.lossReason : closing ? current.lossReason : null,
    winningCompetitor:
      kind === 'close_lost' ? snapshot.winningCompetitor : closing ? current.winningCompetitor : null,
    version: current.version + 1,
    updatedAt: now,
  };
  await saveOpportunity(trx, next);
  await insertStageChanges(trx, [
    {
      opportunityId: id,
      fromStage: current.stage,
      toStage: next.stage,
      kind,
      overridden: snapshot.override !== null,
      changedBy: actor.id,
      changedAt: now,
    },
  ]);
  await recordEvent(trx, actor, now, {
    entityType: 'opportunity',
    entityId: id,
    action: 'opportunity.stage_changed',
    before: {
      stage: current.stage,
      probability: current.probability,
      forecastCategory: current.forecastCategory,
    },
    after: { stage: next.stage, probability: next.probability, forecastCategory: next.forecastCategory },
    gate: snapshot,
  });
  // A closed deal has no stored inspection (the trigger removed it); an open one is judged on what was read.
  if (!closing) await storeInspectionOf(context, trx, next, qualification);
  const contractId = kind === 'close_won' ? await recordWonContract(context, trx, next, facts) : null;
  return ok({ opportunity: next, gate: snapshot, contractId });
}

function toAppError(
  refusal: StageChangeRefusal,
  reachable: { stage: string; name: string } | null,
): AppError {
  if (refusal.code !== 'gate_blocked') return refusal;
  return { code: refusal.code, message: refusal.message, missing: refusal.missing, reachable };
}
