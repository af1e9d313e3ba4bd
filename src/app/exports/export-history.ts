import { z } from 'zod';
import { listStageHistoryPage } from '../../db/repositories/stage-history-export-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { guardRow } from '../../domain/export/csv-cell.js';
import type { Actor, AppContext } from '../context.js';
import { EXPORT_PAGE } from './export-inputs.js';

export const historyExportQuery = z.strictObject({
  opportunityId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("One deal's history; every readable deal's without"),
});
export type HistoryExportQuery = z.infer<typeof historyExportQuery>;

export const HISTORY_COLUMNS = [
  'Id',
  'OpportunityId',
  'OpportunityName',
  'FromStage',
  'ToStage',
  'Kind',
  'Overridden',
  'ChangedByEmail',
  'ChangedAt',
] as const;

/**
 * The stage history of the deals the caller may read, in the order the changes were made, as guarded CSV rows —
 * a page at a time (keyset on the change's id).
 */
export async function* exportHistory(
  context: AppContext,
  actor: Actor,
  filter: HistoryExportQuery,
): AsyncGenerator<string[]> {
  const visibility = visibilityFor(actor.principal, 'opportunity');
  let afterId: number | undefined;
  for (;;) {
    const page = await listStageHistoryPage(context.db, visibility, {
      ...(filter.opportunityId && { opportunityId: filter.opportunityId }),
      ...(afterId !== undefined && { afterId }),
      limit: EXPORT_PAGE,
    });
    for (const change of page) {
      yield guardRow([
        change.id,
        change.opportunityId,
        change.opportunityName,
        change.fromStage,
        change.toStage,
        change.kind,
        change.overridden,
        change.changedByEmail,
        change.changedAt.toISOString(),
      ]);
    }
    const last = page.at(-1);
    if (!last || page.length < EXPORT_PAGE) return;
    afterId = last.id;
  }
}
