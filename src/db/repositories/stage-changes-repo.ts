import type { Kysely } from 'kysely';
import type { Database, StageChangeKind } from '../schema.js';
import { insertJsonRows } from './json-rows.js';

export interface StageChangeRow {
  opportunityId: string;
  fromStage: string | null;
  toStage: string;
  kind: StageChangeKind;
  overridden: boolean;
  changedBy: string;
  changedAt: Date;
}

export async function insertStageChanges(db: Kysely<Database>, changes: StageChangeRow[]): Promise<void> {
  if (changes.length === 0) return;
  await insertJsonRows(
    db,
    'opportunity_stage_changes',
    changes.map((change) => ({
      opportunity_id: change.opportunityId,
      from_stage: change.fromStage,
      to_stage: change.toStage,
      kind: change.kind,
      overridden: change.overridden,
      changed_by: change.changedBy,
      changed_at: change.changedAt,
    })),
  ).execute();
}
