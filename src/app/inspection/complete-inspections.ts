import {
  findInspectionsCompleteAt,
  markInspectionsComplete,
} from '../../db/repositories/inspection-refresh-repo.js';
import type { AppContext } from '../context.js';
import { type RefreshOptions, type RefreshOutcome, refreshInspections } from './refresh-inspections.js';

/**
 * Makes every open deal's stored inspection one of the playbook version in force: when the version has not been
 * completed yet (it is new, or the database was just migrated), recomputes every row computed before it was
 * loaded, stores the deals that have none, then marks the version complete. Answers what was done, or null when
 * the version was complete already. A process stopped half-way continues at its next start.
 */
export async function completeInspections(
  context: AppContext,
  version: { number: number; loadedAt: Date },
  onBatch?: RefreshOptions['onBatch'],
): Promise<RefreshOutcome | null> {
  if (await findInspectionsCompleteAt(context.db, version.number)) return null;
  const outcome = await refreshInspections(context, { asOf: version.loadedAt, ...(onBatch && { onBatch }) });
  await markInspectionsComplete(context.db, version.number, context.now());
  return outcome;
}
