import { findTerritoryModel, saveTerritoryDraft } from '../../db/repositories/territory-models-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { TerritoryModel } from '../../domain/territory/territory-model.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { modelProblems } from './check-territory-model.js';
import { describeTerritoryModel, type TerritoryModelDetail } from './describe-territory-model.js';
import { refuseUnlessTerritoryManager } from './require-territory-right.js';
import type { UpdateTerritoryDraftInput } from './territory-inputs.js';

/** Refuses a version that is not a draft, or that changed since the caller read it (both 409). */
export function refuseUnlessCurrentDraft(
  version: { status: string; version: number; rowVersion: number },
  rowVersion: number,
): AppError | null {
  if (version.status !== 'draft') {
    return {
      code: 'conflict',
      message: `Version ${version.version} is ${version.status}: only a draft changes; copy it into a new draft.`,
    };
  }
  if (version.rowVersion !== rowVersion) {
    return {
      code: 'conflict',
      message: `Version ${version.version} changed since you read it (now rowVersion ${version.rowVersion}); reload and retry.`,
    };
  }
  return null;
}

/** Replaces a draft's model. Gaps and overlaps are allowed in a draft (its coverage shows them). */
export async function updateTerritoryDraft(
  context: AppContext,
  actor: Actor,
  id: string,
  input: UpdateTerritoryDraftInput,
): Promise<Result<TerritoryModelDetail, AppError>> {
  const refusal = refuseUnlessTerritoryManager(actor);
  if (refusal) return err(refusal);
  const model: TerritoryModel = input.model;
  const problem = modelProblems(model);
  if (problem) return err(problem);
  const saved = await context.db.transaction().execute(async (trx) => {
    const current = await findTerritoryModel(trx, id, { lock: true });
    if (!current) return err(notFound('Territory model', id));
    const conflict = refuseUnlessCurrentDraft(current, input.rowVersion);
    if (conflict) return err(conflict);
    const now = context.now();
    await saveTerritoryDraft(trx, id, model, now);
    await recordEvent(trx, actor, now, {
      entityType: 'territory_model',
      entityId: id,
      action: 'territory_model.updated',
      before: { rowVersion: current.rowVersion, name: current.name },
      after: { rowVersion: current.rowVersion + 1, name: model.name },
    });
    return ok(null);
  });
  if (!saved.ok) return saved;
  const version = await findTerritoryModel(context.db, id);
  if (!version) return err(notFound('Territory model', id));
  return ok(await describeTerritoryModel(context.db, version));
}
