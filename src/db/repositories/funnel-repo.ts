import type { Kysely } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { StageEntry } from '../../domain/funnel/funnel.js';
import type { Database } from '../schema.js';
import { visibleTo } from './visibility-filter.js';

/**
 * Every stage entry (creation and stage changes) of the pipeline's deals the caller may read, and each deal's
 * stage now, in one statement over opportunity_stage_changes.
 */
export async function listPipelineStageEntries(
  db: Kysely<Database>,
  pipeline: string,
  visibility: Visibility,
): Promise<{ entries: StageEntry[]; currentStage: Map<string, string> }> {
  const rows = await db
    .selectFrom('opportunity_stage_changes as c')
    .innerJoin('opportunities', 'opportunities.id', 'c.opportunity_id')
    .select(['c.opportunity_id', 'c.to_stage', 'c.changed_at', 'opportunities.stage'])
    .where('opportunities.pipeline', '=', pipeline)
    .where(visibleTo('opportunities', visibility))
    .orderBy('c.opportunity_id')
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute();
  const currentStage = new Map<string, string>();
  const entries = rows.map((row) => {
    currentStage.set(row.opportunity_id, row.stage);
    return { opportunityId: row.opportunity_id, stage: row.to_stage, at: row.changed_at };
  });
  return { entries, currentStage };
}
