import { type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { OwnerCurrencyGroup } from '../../domain/inspection/at-risk-totals.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import type { Database } from '../schema.js';
import { toOpportunity } from './opportunities-repo.js';
import { visibleTo } from './visibility-filter.js';

/** Which deals at risk: visibility plus these filters, on the stored inspections (decision 024). */
export interface AtRiskFilter {
  pipeline?: string | undefined;
  ownerId?: string | undefined;
  /** Only deals whose owner works in this region. */
  region?: string | undefined;
}

export type AtRiskSort = 'health' | 'velocity' | 'amount' | 'closeDate';

/**
 * A page's position: the last row's sort key and id. The amount key is the negated amount, so every key
 * ascends (worst first) as the cursor has always held it.
 */
export type AtRiskKey = [number | string, string];

export interface AtRiskRow {
  opportunity: Opportunity;
  accountName: string;
  detail: unknown;
  computedAt: Date;
  playbookVersion: number;
  key: AtRiskKey;
}

type Query = SelectQueryBuilder<Database, 'deal_inspections', object>;

/** The at-risk rows the filter and visibility allow — the predicate the page and the totals share. */
function atRiskDeals(db: Kysely<Database>, filter: AtRiskFilter, visibility: Visibility): Query {
  let query = db
    .selectFrom('deal_inspections')
    // A literal, not a parameter: a prepared statement's generic plan must still match the partial indexes.
    .where(sql<SqlBool>`deal_inspections.at_risk`)
    .where(visibleTo('deal_inspections', visibility));
  if (filter.pipeline) query = query.where('deal_inspections.pipeline', '=', filter.pipeline);
  if (filter.ownerId) query = query.where('deal_inspections.owner_id', '=', filter.ownerId);
  const region = filter.region;
  if (region) {
    query = query.where('deal_inspections.owner_id', 'in', (eb) =>
      eb.selectFrom('users').select('users.id').where('users.region', '=', region),
    );
  }
  return query;
}

/** Each order's column (ascending unless `desc`), walked by its partial index `… where at_risk`. */
const ORDER = {
  health: { column: 'deal_inspections.health_score', desc: false, type: 'bigint' },
  velocity: { column: 'deal_inspections.velocity_rank', desc: false, type: 'bigint' },
  amount: { column: 'deal_inspections.amount_minor', desc: true, type: 'bigint' },
  closeDate: { column: 'deal_inspections.close_date', desc: false, type: 'date' },
} as const satisfies Record<AtRiskSort, { column: string; desc: boolean; type: string }>;

/** Rows after `after` in the order: a keyset condition the index can start from. */
function afterKey(sort: AtRiskSort, after: AtRiskKey) {
  const { column, desc, type } = ORDER[sort];
  const [key, id] = after;
  const ref = sql.ref(column);
  const opportunityId = sql.ref('deal_inspections.opportunity_id');
  // The cursor's key as bigint (or date), not the column's type: any safe integer a cursor holds compares
  // (a smallint parameter would refuse 40000), and btree's cross-type operators keep the index usable.
  if (!desc) return sql<SqlBool>`(${ref}, ${opportunityId}) > (${key}::${sql.raw(type)}, ${id})`;
  const value = sql`${-Number(key)}::${sql.raw(type)}`;
  return sql<SqlBool>`${ref} <= ${value} and (${ref} < ${value} or ${opportunityId} > ${id})`;
}

/**
 * One page of the deals at risk, worst first by `sort` (ties by deal id), each with its deal, account name and
 * stored inspection; `limit + 1` rows are read so the caller knows whether more follow.
 */
export async function listAtRiskPage(
  db: Kysely<Database>,
  filter: AtRiskFilter,
  visibility: Visibility,
  page: { sort: AtRiskSort; limit: number; after?: AtRiskKey | undefined },
): Promise<AtRiskRow[]> {
  const { column, desc } = ORDER[page.sort];
  let query = atRiskDeals(db, filter, visibility);
  if (page.after) query = query.where(afterKey(page.sort, page.after));
  const rows = await query
    .innerJoin('opportunities', 'opportunities.id', 'deal_inspections.opportunity_id')
    .innerJoin('accounts', 'accounts.id', 'opportunities.account_id')
    .selectAll('opportunities')
    .select([
      'accounts.name as inspected_account_name',
      'deal_inspections.detail as inspected_detail',
      'deal_inspections.computed_at as inspected_at',
      'deal_inspections.playbook_version as inspected_playbook_version',
      sql<number | string>`${sql.ref(column)}`.as('inspected_key'),
    ])
    .orderBy(column, desc ? 'desc' : 'asc')
    .orderBy('deal_inspections.opportunity_id')
    // A literal (limit is a checked integer): a generic plan then still knows it walks only a page of the index.
    .limit(sql.lit(page.limit + 1))
    .execute();
  return rows.map((row) => {
    const {
      inspected_account_name,
      inspected_detail,
      inspected_at,
      inspected_playbook_version,
      inspected_key,
      ...deal
    } = row;
    const key = page.sort === 'closeDate' ? String(inspected_key) : Number(inspected_key);
    return {
      opportunity: toOpportunity(deal),
      accountName: inspected_account_name,
      detail: inspected_detail,
      computedAt: inspected_at,
      playbookVersion: inspected_playbook_version,
      key: [typeof key === 'number' && desc ? -key : key, deal.id],
    };
  });
}

/** Every deal at risk under the filter, counted and summed per owner and currency (one grouped statement). */
export async function groupAtRisk(
  db: Kysely<Database>,
  filter: AtRiskFilter,
  visibility: Visibility,
): Promise<OwnerCurrencyGroup[]> {
  const rows = await atRiskDeals(db, filter, visibility)
    .select([
      'deal_inspections.owner_id as ownerId',
      'deal_inspections.currency as currency',
      sql<string>`count(*)`.as('deals'),
      sql<string>`sum(deal_inspections.amount_minor)::text`.as('amountMinor'),
    ])
    .groupBy(['deal_inspections.owner_id', 'deal_inspections.currency'])
    .execute();
  return rows.map((row) => ({ ...row, deals: Number(row.deals) }));
}
