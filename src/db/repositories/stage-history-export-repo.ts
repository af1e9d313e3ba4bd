import type { Kysely } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { Database, StageChangeKind } from '../schema.js';
import { visibleTo } from './visibility-filter.js';

export interface StageHistoryExportRow {
  id: number;
  opportunityId: string;
  opportunityName: string;
  fromStage: string | null;
  toStage: string;
  kind: StageChangeKind;
  overridden: boolean;
  changedByEmail: string | null;
  changedAt: Date;
}

/**
 * One page of the stage changes of the deals the caller may read (optionally one deal's), in the order they
 * were made: the changes after `afterId`, at most `limit`.
 */
export async function listStageHistoryPage(
  db: Kysely<Database>,
  visibility: Visibility,
  page: { opportunityId?: string; afterId?: number; limit: number },
): Promise<StageHistoryExportRow[]> {
  let query = db
    .selectFrom('opportunity_stage_changes as changes')
    .innerJoin('opportunities', 'opportunities.id', 'changes.opportunity_id')
    .leftJoin('users', 'users.id', 'changes.changed_by')
    .select([
      'changes.id',
      'changes.opportunity_id',
      'opportunities.name',
      'changes.from_stage',
      'changes.to_stage',
      'changes.kind',
      'changes.overridden',
      'users.email',
      'changes.changed_at',
    ])
    .where(visibleTo('opportunities', visibility));
  if (page.opportunityId) query = query.where('changes.opportunity_id', '=', page.opportunityId);
  if (page.afterId !== undefined) query = query.where('changes.id', '>', page.afterId);
  const rows = await query.orderBy('changes.id').limit(page.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    opportunityId: row.opportunity_id,
    opportunityName: row.name,
    fromStage: row.from_stage,
    toStage: row.to_stage,
    kind: row.kind,
    overridden: row.overridden,
    changedByEmail: row.email,
    changedAt: row.changed_at,
  }));
}
