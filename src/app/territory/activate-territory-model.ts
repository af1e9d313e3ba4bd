import {
  archiveActiveTerritoryModel,
  findTerritoryModel,
  lockTerritoryModels,
  markTerritoryModelActive,
} from '../../db/repositories/territory-models-repo.js';
import {
  moveAccountOwners,
  moveDealOwners,
  setUserRegions,
} from '../../db/repositories/territory-reassignment-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { summarize, type TerritoryModelSummary } from './describe-territory-model.js';
import { planTerritoryModel } from './plan-territory-model.js';
import { refuseUnlessTerritoryManager } from './require-territory-right.js';
import type { ActivateTerritoryModelInput } from './territory-inputs.js';
import { refuseUnlessCurrentDraft } from './update-territory-draft.js';

export interface Activation {
  model: TerritoryModelSummary;
  accountsMoved: number;
  dealsMoved: number;
}

/**
 * Puts a draft in force, in one transaction: refused (nothing written) unless its coverage is proven and its
 * people resolve; the active version is archived; every account and open AE deal the plan moves changes owner
 * in bulk with one audit event each; the model's AEs take their territory's region and its RVPs the region
 * they lead (users.region, which authorization reads).
 */
export async function activateTerritoryModel(
  context: AppContext,
  actor: Actor,
  id: string,
  input: ActivateTerritoryModelInput,
): Promise<Result<Activation, AppError>> {
  const refusal = refuseUnlessTerritoryManager(actor);
  if (refusal) return err(refusal);
  return context.db.transaction().execute(async (trx): Promise<Result<Activation, AppError>> => {
    await lockTerritoryModels(trx);
    const version = await findTerritoryModel(trx, id, { lock: true });
    if (!version) return err(notFound('Territory model', id));
    const conflict = refuseUnlessCurrentDraft(version, input.rowVersion);
    if (conflict) return err(conflict);
    const { coverage, people, refusals, plan, names } = await planTerritoryModel(trx, version);
    if (refusals.length > 0) {
      return err({
        code: 'activation_refused',
        message: `Version ${version.version} may not be activated: ${refusals.join('; ')}`,
        refusals,
        coverage,
      });
    }
    const now = context.now();
    const audit = { at: now, actorId: actor.id, requestId: actor.requestId ?? null };
    const archived = await archiveActiveTerritoryModel(trx, now);
    if (archived) {
      await recordEvent(trx, actor, now, {
        entityType: 'territory_model',
        entityId: archived,
        action: 'territory_model.archived',
        after: { replacedBy: { id: version.id, version: version.version } },
      });
    }
    await markTerritoryModelActive(trx, id, now, actor.id);
    const accountsMoved = await moveAccountOwners(
      trx,
      plan.accountMoves.map((move) => ({ id: move.accountId, fromId: move.fromId, toId: move.toId })),
      audit,
    );
    const dealsMoved = await moveDealOwners(
      trx,
      plan.dealMoves.map((move) => ({ id: move.opportunityId, fromId: move.fromId, toId: move.toId })),
      audit,
    );
    const regions = people.flatMap((person) =>
      person.userId && person.region ? [{ userId: person.userId, region: person.region }] : [],
    );
    const regionsSet = await setUserRegions(trx, regions, audit);
    await recordEvent(trx, actor, now, {
      entityType: 'territory_model',
      entityId: id,
      action: 'territory_model.activated',
      before: archived ? { active: archived } : null,
      after: { version: version.version, accountsMoved, dealsMoved, regionsSet, kept: plan.accounts.kept },
    });
    const activated = await findTerritoryModel(trx, id);
    if (!activated) return err(notFound('Territory model', id));
    return ok({ model: summarize(activated, names), accountsMoved, dealsMoved });
  });
}
