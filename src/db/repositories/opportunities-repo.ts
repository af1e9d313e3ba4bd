import type { Kysely, Selectable } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import type { ForecastCategory, LeadSource } from '../../domain/playbook/playbook.js';
import type { Database } from '../schema.js';
import { insertJsonRows } from './json-rows.js';
import { visibleTo } from './visibility-filter.js';

type Row = Selectable<Database['opportunities']>;

export function snoozeOf(
  row: Pick<Row, 'stall_snoozed_until' | 'stall_snooze_reason'>,
): Opportunity['stallSnooze'] {
  return row.stall_snoozed_until && row.stall_snooze_reason
    ? { until: row.stall_snoozed_until, reason: row.stall_snooze_reason }
    : null;
}

export function toOpportunity(row: Row): Opportunity {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    type: row.type,
    pipeline: row.pipeline,
    stage: row.stage,
    probability: row.probability,
    forecastCategory: row.forecast_category as ForecastCategory,
    amountMinor: row.amount_minor,
    currency: row.currency,
    closeDate: row.close_date,
    ownerId: row.owner_id,
    createdBy: row.created_by,
    source: row.source as LeadSource,
    nextStep: row.next_step,
    description: row.description,
    lossReason: row.loss_reason,
    winningCompetitor: row.winning_competitor,
    stageEnteredAt: row.stage_entered_at,
    stallSnooze: snoozeOf(row),
    closedAt: row.closed_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function opportunityRow(opportunity: Opportunity) {
  return {
    id: opportunity.id,
    account_id: opportunity.accountId,
    name: opportunity.name,
    type: opportunity.type,
    pipeline: opportunity.pipeline,
    stage: opportunity.stage,
    probability: opportunity.probability,
    forecast_category: opportunity.forecastCategory,
    amount_minor: opportunity.amountMinor,
    currency: opportunity.currency,
    close_date: opportunity.closeDate,
    owner_id: opportunity.ownerId,
    created_by: opportunity.createdBy,
    source: opportunity.source,
    next_step: opportunity.nextStep,
    description: opportunity.description,
    loss_reason: opportunity.lossReason,
    winning_competitor: opportunity.winningCompetitor,
    stage_entered_at: opportunity.stageEnteredAt,
    stall_snoozed_until: opportunity.stallSnooze?.until ?? null,
    stall_snooze_reason: opportunity.stallSnooze?.reason ?? null,
    closed_at: opportunity.closedAt,
    version: opportunity.version,
    created_at: opportunity.createdAt,
    updated_at: opportunity.updatedAt,
  };
}

export async function insertOpportunity(db: Kysely<Database>, opportunity: Opportunity): Promise<void> {
  await db.insertInto('opportunities').values(opportunityRow(opportunity)).execute();
}

/** Many new deals in one statement, as one JSON parameter (bulk loads: the bench; see json-rows.ts). */
export async function insertOpportunities(db: Kysely<Database>, opportunities: Opportunity[]): Promise<void> {
  if (opportunities.length === 0) return;
  await insertJsonRows(db, 'opportunities', opportunities.map(opportunityRow)).execute();
}

/** Reads one deal; `lock` takes a row lock for the rest of the transaction. */
export async function findOpportunity(
  db: Kysely<Database>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Opportunity | undefined> {
  const query = db.selectFrom('opportunities').selectAll().where('id', '=', id);
  const row = await (options.lock ? query.forUpdate() : query).executeTakeFirst();
  return row && toOpportunity(row);
}

/** What the access rules need of a deal's owner (see OwnerFacts). */
export interface OwnerOfRecord {
  region: string | null;
  managerId: string | null;
}

/**
 * The deal and what the access rules need of its owner, in one statement (`findOpportunity` and then
 * `findUser` of its owner, joined); `lock` locks the deal's row only.
 */
export async function findOpportunityWithOwner(
  db: Kysely<Database>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ opportunity: Opportunity; owner: OwnerOfRecord | undefined } | undefined> {
  const query = db
    .selectFrom('opportunities')
    .leftJoin('users', 'users.id', 'opportunities.owner_id')
    .selectAll('opportunities')
    .select([
      'users.id as owner_user_id',
      'users.region as owner_region',
      'users.manager_id as owner_manager_id',
    ])
    .where('opportunities.id', '=', id);
  const row = await (options.lock ? query.forUpdate('opportunities') : query).executeTakeFirst();
  if (!row) return undefined;
  const { owner_user_id, owner_region, owner_manager_id, ...deal } = row;
  const owner = owner_user_id === null ? undefined : { region: owner_region, managerId: owner_manager_id };
  return { opportunity: toOpportunity(deal), owner };
}

/** Writes the whole record back; the caller has bumped `version`. */
export async function saveOpportunity(db: Kysely<Database>, opportunity: Opportunity): Promise<void> {
  const { id, created_at: _created, ...fields } = opportunityRow(opportunity);
  await db.updateTable('opportunities').set(fields).where('id', '=', id).execute();
}

export interface OpportunityFilter {
  ownerId?: string;
  accountId?: string;
  type?: string;
  stage?: string;
  pipeline?: string;
  forecastCategory?: ForecastCategory;
  closeDateFrom?: string;
  closeDateTo?: string;
  /** Only deals whose owner works in this region. */
  ownerRegion?: string;
  /** Only deals not yet closed. */
  openOnly?: boolean;
}

/** The deals `visibility` allows under `filter`, in (close date, id) order, starting after `after`. */
function filteredDeals(
  db: Kysely<Database>,
  filter: OpportunityFilter,
  visibility: Visibility,
  page: { limit: number; after?: { closeDate: string; id: string } },
) {
  let query = db.selectFrom('opportunities').where(visibleTo('opportunities', visibility));
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.accountId) query = query.where('account_id', '=', filter.accountId);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (filter.pipeline) query = query.where('pipeline', '=', filter.pipeline);
  if (filter.forecastCategory) query = query.where('forecast_category', '=', filter.forecastCategory);
  if (filter.closeDateFrom) query = query.where('close_date', '>=', filter.closeDateFrom);
  if (filter.closeDateTo) query = query.where('close_date', '<=', filter.closeDateTo);
  const region = filter.ownerRegion;
  if (region) {
    query = query.where('owner_id', 'in', (eb) =>
      eb.selectFrom('users').select('users.id').where('users.region', '=', region),
    );
  }
  if (filter.openOnly) query = query.where('closed_at', 'is', null);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('close_date', 'id'), '>', eb.tuple(after.closeDate, after.id)),
    );
  }
  return query.orderBy('close_date').orderBy('id').limit(page.limit);
}

/** A page of the deals `visibility` allows, in (close date, id) order, starting after `after`. */
export async function listOpportunities(
  db: Kysely<Database>,
  filter: OpportunityFilter,
  visibility: Visibility,
  page: { limit: number; after?: { closeDate: string; id: string } },
): Promise<Opportunity[]> {
  const rows = await filteredDeals(db, filter, visibility, page).selectAll().execute();
  return rows.map(toOpportunity);
}

/** The given deals, whole (one query; order not kept). */
export async function findOpportunities(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Opportunity[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('opportunities')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toOpportunity);
}

/** Open deals in any of these pipeline stages, by id, up to `limit` (and how many there are in all). */
export async function listOpenDealsInStages(
  db: Kysely<Database>,
  stages: ReadonlyArray<{ pipeline: string; stage: string }>,
  limit: number,
): Promise<{ deals: Opportunity[]; total: number }> {
  if (stages.length === 0) return { deals: [], total: 0 };
  const inStages = db
    .selectFrom('opportunities')
    .where('closed_at', 'is', null)
    .where((eb) =>
      eb.or(
        stages.map((entry) => eb.and([eb('pipeline', '=', entry.pipeline), eb('stage', '=', entry.stage)])),
      ),
    );
  const rows = await inStages.selectAll().orderBy('id').limit(limit).execute();
  const { total } = await inStages
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  return { deals: rows.map(toOpportunity), total: Number(total) };
}
