import type { Kysely } from 'kysely';
import type { StageChangeFact, StageChangeKind } from '../../domain/inspection/stage-intervals.js';
import type { Database } from '../schema.js';

/** The stage history of one deal, oldest first. */
export async function listStageHistory(
  db: Kysely<Database>,
  opportunityId: string,
): Promise<StageChangeFact[]> {
  const rows = await db
    .selectFrom('opportunity_stage_changes')
    .select(['to_stage', 'kind', 'changed_at'])
    .where('opportunity_id', '=', opportunityId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    toStage: row.to_stage,
    kind: row.kind as StageChangeKind,
    at: row.changed_at,
  }));
}

/** Stage histories of the most recently closed deals of a pipeline (for expected durations). */
export async function listClosedHistories(
  db: Kysely<Database>,
  pipeline: string,
  limit: number,
): Promise<StageChangeFact[][]> {
  const closed = await db
    .selectFrom('opportunities')
    .select('id')
    .where('pipeline', '=', pipeline)
    .where('closed_at', 'is not', null)
    .orderBy('closed_at', 'desc')
    .limit(limit)
    .execute();
  if (closed.length === 0) return [];
  const rows = await db
    .selectFrom('opportunity_stage_changes')
    .select(['opportunity_id', 'to_stage', 'kind', 'changed_at'])
    .where(
      'opportunity_id',
      'in',
      closed.map((row) => row.id),
    )
    .orderBy('id')
    .execute();
  const histories = new Map<string, StageChangeFact[]>();
  for (const row of rows) {
    const history = histories.get(row.opportunity_id) ?? [];
    history.push({ toStage: row.to_stage, kind: row.kind as StageChangeKind, at: row.changed_at });
    histories.set(row.opportunity_id, history);
  }
  return [...histories.values()];
}

/** Whether the account has won a deal since `since` (the commit-contract signal until contracts are modelled). */
export async function hasWonSince(db: Kysely<Database>, accountId: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('opportunities')
    .select('id')
    .where('account_id', '=', accountId)
    .where('stage', '=', 'closed_won')
    .where('closed_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
