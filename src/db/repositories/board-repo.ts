import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { Health } from '../../domain/inspection/health.js';
import type { VelocityClass } from '../../domain/inspection/velocity.js';
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

/** The cards' orders: close date, or the stored health score or velocity rank (worst first). */
export const BOARD_SORTS = ['closeDate', 'health', 'velocity'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

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
  /** The deal's stored inspection (decision 024); null for a deal without one (closed deals). */
  healthScore: number | null;
  healthBand: Health['band'] | null;
  velocityClass: VelocityClass | null;
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

const CARD_COLUMNS = [
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
] as const;

const STORED_COLUMNS = [
  'di.health_score as healthScore',
  'di.health_band as healthBand',
  'di.velocity_class as velocityClass',
] as const;

/** Each stored sort's column; the board indexes (pipeline, column, opportunity_id) give the order. */
const SORT_COLUMN = { health: 'di.health_score', velocity: 'di.velocity_rank' } as const;

/**
 * The board's cards, at most `limit`, each with its stored health and velocity. In close-date order, or by
 * health or velocity: the deals with a stored inspection in that order, then those without (closed) by close date.
 */
export async function listBoardCards(
  db: Kysely<Database>,
  filter: BoardFilter,
  visibility: Visibility,
  limit: number,
  sort: BoardSort = 'closeDate',
): Promise<BoardCardRow[]> {
  const deals = filteredDeals(db, filter, visibility) as unknown as SelectQueryBuilder<
    Tables & { di: Database['deal_inspections'] },
    'opportunities' | 'accounts' | 'owner',
    object
  >;
  if (sort === 'closeDate') {
    return (await deals
      .leftJoin('deal_inspections as di', 'di.opportunity_id', 'opportunities.id')
      .select([...CARD_COLUMNS, ...STORED_COLUMNS])
      .orderBy('opportunities.close_date')
      .orderBy('opportunities.id')
      .limit(limit)
      .execute()) as BoardCardRow[];
  }
  const inspected = await deals
    .innerJoin('deal_inspections as di', 'di.opportunity_id', 'opportunities.id')
    .where('di.pipeline', '=', filter.pipeline)
    .select([...CARD_COLUMNS, ...STORED_COLUMNS])
    .orderBy(SORT_COLUMN[sort])
    .orderBy('di.opportunity_id')
    .limit(limit)
    .execute();
  if (inspected.length >= limit) return inspected as BoardCardRow[];
  const rest = await deals
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deal_inspections as di')
            .select('di.opportunity_id')
            .whereRef('di.opportunity_id', '=', 'opportunities.id'),
        ),
      ),
    )
    .select([
      ...CARD_COLUMNS,
      sql<null>`null`.as('healthScore'),
      sql<null>`null`.as('healthBand'),
      sql<null>`null`.as('velocityClass'),
    ])
    .orderBy('opportunities.close_date')
    .orderBy('opportunities.id')
    .limit(limit - inspected.length)
    .execute();
  return [...inspected, ...rest] as BoardCardRow[];
}
