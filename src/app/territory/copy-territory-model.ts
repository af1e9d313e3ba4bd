import { findTerritoryModel } from '../../db/repositories/territory-models-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { describeTerritoryModel, type TerritoryModelDetail } from './describe-territory-model.js';
import { draftTerritoryModel } from './draft-territory-model.js';
import { refuseUnlessTerritoryManager } from './require-territory-right.js';

/** A new draft with the model of any stored version (to edit the active one, copy it). */
export async function copyTerritoryModel(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<TerritoryModelDetail, AppError>> {
  const refusal = refuseUnlessTerritoryManager(actor);
  if (refusal) return err(refusal);
  const original = await findTerritoryModel(context.db, id);
  if (!original) return err(notFound('Territory model', id));
  const version = await draftTerritoryModel(context, actor, original.model, {
    copyOf: { id: original.id, version: original.version },
  });
  return ok(await describeTerritoryModel(context.db, version));
}
