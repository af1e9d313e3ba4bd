import { type Kysely, type Selectable, sql } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { DealState } from '../../domain/forecast-changes/compare-snapshots.js';
import type { StageOutcome } from '../../domain/playbook/playbook.js';
import type { Database } from '../schema.js';
import { visibleTo } from './visibility-filter.js';

/**
 * Snapshots every open deal at `takenAt` in ONE statement (INSERT … SELECT); a second snapshot at the same
 * instant adds only the deals the first lacked. Answers how many deals the snapshot at `takenAt` holds.
 */
export async function insertSnapshotOfOpenDeals(db: Kysely<Database>, takenAt: Date): Promise<number> {
  await db
    .insertInto('deal_snapshots')
    .columns([
      'taken_at',
      'opportunity_id',
      'amount_minor',
      'currency',
      'stage',
      'pipeline',
      'forecast_category',
      'close_date',
      'owner_id',
    ])
    .expression((eb) =>
      eb
        .selectFrom('opportunities')
        .select([
          sql<Date>`${takenAt}::timestamptz`.as('taken_at'),
          'id',
          'amount_minor',
          'currency',
          'stage',
          'pipeline',
          'forecast_category',
          'close_date',
          'owner_id',
        ])
        .where('closed_at', 'is', null),
    )
    .onConflict((conflict) => conflict.columns(['taken_at', 'opportunity_id']).doNothing())
    .execute();
  const held = await db
    .selectFrom('deal_snapshots')
    .select((eb) => eb.fn.countAll<number>().as('deals'))
    .where('taken_at', '=', takenAt)
    .executeTakeFirstOrThrow();
  return Number(held.deals);
}

/** The instant of the latest snapshot taken at or before `at` (the primary key's backward probe), if any. */
export async function snapshotAtOrBefore(db: Kysely<Database>, at: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('deal_snapshots')
    .select('taken_at')
    .where('taken_at', '<=', at)
    .orderBy('taken_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.taken_at ?? null;
}

export interface SnapshotDeal extends DealState {
  name: string;
  ownerId: string;
  pipeline: string;
}

/**
 * One snapshot's deals the caller may read (narrowed by the deal's current owner and category, like every
 * list), restricted to one pipeline when given.
 */
export async function listSnapshotDeals(
  db: Kysely<Database>,
  takenAt: Date,
  visibility: Visibility,
  pipeline: string | null,
): Promise<SnapshotDeal[]> {
  let query = db
    .selectFrom('deal_snapshots as s')
    .innerJoin('opportunities', 'opportunities.id', 's.opportunity_id')
    .select([
      's.opportunity_id',
      'opportunities.name',
      's.owner_id',
      's.amount_minor',
      's.currency',
      's.stage',
      's.pipeline',
      's.close_date',
    ])
    .where('s.taken_at', '=', takenAt)
    .where(visibleTo('opportunities', visibility));
  if (pipeline) query = query.where('s.pipeline', '=', pipeline);
  const rows = await query.execute();
  return rows.map((row) => snapshotDealOf(row.opportunity_id, row));
}

/** Deals as they stand now (for those a later snapshot no longer holds: closed since). */
export async function listCurrentDeals(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Array<SnapshotDeal & { closedAt: Date | null }>> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('opportunities')
    .select([
      'id',
      'name',
      'owner_id',
      'amount_minor',
      'currency',
      'stage',
      'pipeline',
      'close_date',
      'closed_at',
    ])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((row) => ({ ...snapshotDealOf(row.id, row), closedAt: row.closed_at }));
}

/** A deal's snapshot fields from a row of either table (a snapshot, or the deal as it stands), still open. */
function snapshotDealOf(
  opportunityId: string,
  row: Pick<
    Selectable<Database['deal_snapshots']>,
    'amount_minor' | 'currency' | 'stage' | 'pipeline' | 'close_date' | 'owner_id'
  > & {
    name: string;
  },
): SnapshotDeal {
  return {
    opportunityId,
    name: row.name,
    ownerId: row.owner_id,
    amountMinor: row.amount_minor,
    currency: row.currency,
    stage: row.stage,
    pipeline: row.pipeline,
    closeDate: row.close_date,
    outcome: 'open' as StageOutcome,
  };
}
