import type { Kysely } from 'kysely';
import type { Database, DateString } from '../schema.js';
import type { ForecastPeriodKind } from '../schema-forecast.js';

export interface ForecastCall {
  id: string;
  periodKind: ForecastPeriodKind;
  periodStart: DateString;
  ownerId: string;
  kind: 'submission' | 'adjustment';
  commitMinor: number;
  bestCaseMinor: number;
  note: string | null;
  byUser: string;
  at: Date;
  adjustsId: string | null;
}

/** Calls are history: written once, never changed (the table's trigger refuses it). */
export async function insertForecastCall(db: Kysely<Database>, call: ForecastCall): Promise<void> {
  await db
    .insertInto('forecast_calls')
    .values({
      id: call.id,
      period_kind: call.periodKind,
      period_start: call.periodStart,
      owner_id: call.ownerId,
      kind: call.kind,
      commit_minor: call.commitMinor,
      best_case_minor: call.bestCaseMinor,
      note: call.note,
      by_user: call.byUser,
      at: call.at,
      adjusts_id: call.adjustsId,
    })
    .execute();
}

/** Every call of the periods from…to of one kind, in the order they were made (optionally one owner's). */
export async function listForecastCalls(
  db: Kysely<Database>,
  filter: { kind: ForecastPeriodKind; from: DateString; to: DateString; ownerId?: string },
): Promise<ForecastCall[]> {
  let query = db
    .selectFrom('forecast_calls')
    .select([
      'id',
      'period_kind as periodKind',
      'period_start as periodStart',
      'owner_id as ownerId',
      'kind',
      'commit_minor as commitMinor',
      'best_case_minor as bestCaseMinor',
      'note',
      'by_user as byUser',
      'at',
      'adjusts_id as adjustsId',
    ])
    .where('period_kind', '=', filter.kind)
    .where('period_start', '>=', filter.from)
    .where('period_start', '<=', filter.to);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  return query.orderBy('seq').execute();
}
