import { listTerritoryModels as selectModels } from '../../db/repositories/territory-models-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { summarize, type TerritoryModelSummary, userNames } from './describe-territory-model.js';
import { refuseUnlessTerritoryReader } from './require-territory-right.js';

/** Every version of the territory model, newest first. */
export async function listTerritoryModels(
  context: AppContext,
  actor: Actor,
): Promise<Result<{ items: TerritoryModelSummary[] }, AppError>> {
  const refusal = refuseUnlessTerritoryReader(actor);
  if (refusal) return err(refusal);
  const names = await userNames(context.db);
  const headers = await selectModels(context.db);
  return ok({ items: headers.map((header) => summarize(header, names)) });
}
