import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { modelFromSource } from './check-territory-model.js';
import { describeTerritoryModel, type TerritoryModelDetail } from './describe-territory-model.js';
import { draftTerritoryModel } from './draft-territory-model.js';
import { refuseUnlessTerritoryManager } from './require-territory-right.js';

/** A territories file's text (YAML or JSON) as a new draft; a file that does not parse or validate is a 422. */
export async function importTerritoryModel(
  context: AppContext,
  actor: Actor,
  source: string,
): Promise<Result<TerritoryModelDetail, AppError>> {
  const refusal = refuseUnlessTerritoryManager(actor);
  if (refusal) return err(refusal);
  const model = modelFromSource(source);
  if (!model.ok) return model;
  const version = await draftTerritoryModel(context, actor, model.value, { source });
  return ok(await describeTerritoryModel(context.db, version));
}
