import type { Kysely, Selectable } from 'kysely';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import type { Database } from '../schema.js';
import { snoozeOf } from './opportunities-repo.js';

type Row = Selectable<Database['opportunities']>;

/** What judging a deal reads of it: a scan of thousands of deals reads only these columns. */
export type DealHead = Pick<
  Opportunity,
  | 'id'
  | 'accountId'
  | 'type'
  | 'pipeline'
  | 'stage'
  | 'forecastCategory'
  | 'amountMinor'
  | 'currency'
  | 'closeDate'
  | 'stageEnteredAt'
  | 'stallSnooze'
  | 'ownerId'
  | 'createdBy'
  | 'createdAt'
>;

/** The heads of the given deals that are still open (one query; order not kept). */
export async function findOpenDealHeads(db: Kysely<Database>, ids: readonly string[]): Promise<DealHead[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('opportunities')
    .select(DEAL_HEAD_COLUMNS)
    .where('id', 'in', [...ids])
    .where('closed_at', 'is', null)
    .execute();
  return rows.map(toDealHead);
}

const DEAL_HEAD_COLUMNS = [
  'id',
  'account_id',
  'type',
  'pipeline',
  'stage',
  'forecast_category',
  'amount_minor',
  'currency',
  'close_date',
  'stage_entered_at',
  'stall_snoozed_until',
  'stall_snooze_reason',
  'owner_id',
  'created_by',
  'created_at',
] as const;

function toDealHead(row: Pick<Row, (typeof DEAL_HEAD_COLUMNS)[number]>): DealHead {
  return {
    id: row.id,
    ownerId: row.owner_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    accountId: row.account_id,
    type: row.type,
    pipeline: row.pipeline,
    stage: row.stage,
    forecastCategory: row.forecast_category as DealHead['forecastCategory'],
    amountMinor: row.amount_minor,
    currency: row.currency,
    closeDate: row.close_date,
    stageEnteredAt: row.stage_entered_at,
    stallSnooze: snoozeOf(row),
  };
}
