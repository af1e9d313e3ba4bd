import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { Database, DateString } from '../schema.js';
import { visibleTo } from './visibility-filter.js';

/** What a pipeline board shows: one pipeline, narrowed by owner, owner's region, type, close dates, text. */
export interface BoardFilter {
  pipeline: string;
  ownerId?: string | undefined;
  region?: string | undefined;
  type?: string | undefined;
  closeDateFrom?: DateString | undefined;
  closeDateTo?: DateString | undefined;
  /** Matched, case-insensitively, anywhere in the deal's or the account's name. */
  text?: string | undefined;
}

/** Per stage and currency: how many deals, their total and their probability-weighted total. */
export interface StageTotalsRow {
  stage: string;
  currency: string;
  count: number;
  /** Minor units as a decimal string: a sum may pass 2^53. */
  totalMinor: string;
  weightedMinor: string;
}

export interface BoardCardRow {
  id: string;
  name: string;
  type: string;
  stage: string;
  accountId: string;
  accountName: string;
  amountMinor: number;
  currency: string;
  closeDate: DateString;
  ownerId: string;
  ownerName: string;
  nextStep: string | null;
  stageEnteredAt: Date;
  version: number;
  /** What authorization judges the card's deal by (who owns and created it, its forecast category). */
  ownerRegion: string | null;
  ownerManagerId: string | null;
  createdBy: string | null;
  forecastCategory: string;
}

type Tables = Database & { owner: Database['users'] };
type BoardQuery = SelectQueryBuilder<Tables, 'opportunities' | 'accounts' | 'owner', object>;

/** `%`, `_` and `\` match literally inside the search text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;

function filteredDeals(db: Kysely<Database>, filter: BoardFilter, visibility: Visibility): BoardQuery {
  let query = (db as unknown as Kysely<Tables>)
    .selectFrom('opportunities')
    .innerJoin('accounts', 'accounts.id', 'opportunities.account_id')
    .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .where(visibleTo('opportunities', visibility))
    .where('opportunities.pipeline', '=', filter.pipeline);
  if (filter.ownerId) query = query.where('opportunities.owner_id', '=', filter.ownerId);
  if (filter.region) query = query.where('owner.region', '=', filter.region);
  if (filter.type) query = query.where('opportunities.type', '=', filter.type);
  if (filter.closeDateFrom) query = query.where('opportunities.close_date', '>=', filter.closeDateFrom);
  if (filter.closeDateTo) query = query.where('opportunities.close_date', '<=', filter.closeDateTo);
  const text = filter.text?.trim();
  if (text) {
    const pattern = likePattern(text);
    query = query.where((eb: ExpressionBuilder<Tables, 'opportunities' | 'accounts'>) =>
      eb.or([eb('opportunities.name', 'ilike', pattern), eb('accounts.name', 'ilike', pattern)]),
    );
  }
  return query;
}

/** Count, total and weighted total per stage and currency, over every deal the filter and visibility allow. */
export async function summarizeBoard(
  db: Kysely<Database>,
  filter: BoardFilter,
  visibility: Visibility,
): Promise<StageTotalsRow[]> {
  const rows = await filteredDeals(db, filter, visibility)
    .select([
      'opportunities.stage as stage',
      'opportunities.currency as currency',
      sql<string>`count(*)`.as('count'),
      sql<string>`coalesce(sum(opportunities.amount_minor), 0)::text`.as('total'),
      sql<string>`round(coalesce(sum(opportunities.amount_minor::numeric * opportunities.probability), 0) / 100)::text`.as(
        'weighted',
      ),
    ])
    .groupBy(['opportunities.stage', 'opportunities.currency'])
    .orderBy('opportunities.stage')
    .orderBy('opportunities.currency')
    .execute();
  // Sums are numeric (exact at any size) and stay decimal strings; weighted is rounded to whole minor units.
  return rows.map((row) => ({
    stage: row.stage,
    currency: row.currency,
    count: Number(row.count),
    totalMinor: row.total,
    weightedMinor: row.weighted,
  }));
}

/** The board's cards, each stage's deals in close-date order, at most `limit` of them. */
export async function listBoardCards(
  db: Kysely<Database>,
  filter: BoardFilter,
  visibility: Visibility,
  limit: number,
): Promise<BoardCardRow[]> {
  const rows = await filteredDeals(db, filter, visibility)
    .select([
      'opportunities.id as id',
      'opportunities.name as name',
      'opportunities.type as type',
      'opportunities.stage as stage',
      'opportunities.account_id as accountId',
      'accounts.name as accountName',
      'opportunities.amount_minor as amountMinor',
      'opportunities.currency as currency',
      'opportunities.close_date as closeDate',
      'opportunities.owner_id as ownerId',
      'owner.name as ownerName',
      'opportunities.next_step as nextStep',
      'opportunities.stage_entered_at as stageEnteredAt',
      'opportunities.version as version',
      'owner.region as ownerRegion',
      'owner.manager_id as ownerManagerId',
      'opportunities.created_by as createdBy',
      'opportunities.forecast_category as forecastCategory',
    ])
    .orderBy('opportunities.close_date')
    .orderBy('opportunities.id')
    .limit(limit)
    .execute();
  return rows;
}
