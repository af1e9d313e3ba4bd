import {
  type ImportRunSummary,
  listRecentImportRuns,
} from '../../db/repositories/recent-import-runs-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { checkImportRight } from './import-salesforce.js';

/** The latest import runs, newest first, without their errors (`importData`). */
export async function listImportRuns(
  context: AppContext,
  actor: Actor,
  limit: number,
): Promise<Result<ImportRunSummary[], AppError>> {
  const refused = checkImportRight(actor);
  if (refused) return err(refused);
  return ok(await listRecentImportRuns(context.db, limit));
}
