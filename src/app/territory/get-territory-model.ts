import { findTerritoryModel } from '../../db/repositories/territory-models-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { describeTerritoryModel, type TerritoryModelDetail } from './describe-territory-model.js';
import { refuseUnlessTerritoryReader } from './require-territory-right.js';

/** One version with its coverage, people and map. */
export async function getTerritoryModel(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<TerritoryModelDetail, AppError>> {
  const refusal = refuseUnlessTerritoryReader(actor);
  if (refusal) return err(refusal);
  const version = await findTerritoryModel(context.db, id);
  if (!version) return err(notFound('Territory model', id));
  return ok(await describeTerritoryModel(context.db, version));
}
