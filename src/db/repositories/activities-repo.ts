import type { Kysely, Selectable } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { Activity, ActivityFact } from '../../domain/activity/activity.js';
import type { ActivitiesTable, Database } from '../schema.js';
import { visibleTo } from './visibility-filter.js';

function toActivity(row: Selectable<ActivitiesTable>): Activity {
  return {
    id: row.id,
    accountId: row.account_id,
    opportunityId: row.opportunity_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    userIds: row.user_ids,
    contactIds: row.contact_ids,
    summary: row.summary,
    link: row.link,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function toRow(activity: Activity) {
  return {
    account_id: activity.accountId,
    opportunity_id: activity.opportunityId,
    kind: activity.kind,
    occurred_at: activity.occurredAt,
    user_ids: JSON.stringify(activity.userIds),
    contact_ids: JSON.stringify(activity.contactIds),
    summary: activity.summary,
    link: activity.link,
    updated_at: activity.updatedAt,
    version: activity.version,
  };
}

export async function insertActivity(db: Kysely<Database>, activity: Activity): Promise<void> {
  await db
    .insertInto('activities')
    .values({
      id: activity.id,
      created_by: activity.createdBy,
      created_at: activity.createdAt,
      ...toRow(activity),
    })
    .execute();
}

export async function saveActivity(db: Kysely<Database>, activity: Activity): Promise<void> {
  await db.updateTable('activities').set(toRow(activity)).where('id', '=', activity.id).execute();
}

export async function deleteActivity(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('activities').where('id', '=', id).execute();
}

export async function findActivity(
  db: Kysely<Database>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Activity | undefined> {
  let query = db.selectFrom('activities').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toActivity(row);
}

/**
 * A deal's or an account's activities, newest first, keyset-paged by (occurred_at, id). An account's list
 * holds its own activities and those of the deals `deals` lets the caller read.
 */
export async function listActivities(
  db: Kysely<Database>,
  of: { opportunityId: string } | { accountId: string; deals: Visibility },
  page: { limit: number; after?: { occurredAt: Date; id: string } | undefined },
): Promise<Activity[]> {
  let query = db.selectFrom('activities').selectAll();
  query =
    'opportunityId' in of
      ? query.where('opportunity_id', '=', of.opportunityId)
      : query
          .where('account_id', '=', of.accountId)
          .where((eb) =>
            eb.or([
              eb('opportunity_id', 'is', null),
              eb(
                'opportunity_id',
                'in',
                eb
                  .selectFrom('opportunities')
                  .select('opportunities.id')
                  .where(visibleTo('opportunities', of.deals)),
              ),
            ]),
          );
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('occurred_at', '<', after.occurredAt),
        eb.and([eb('occurred_at', '=', after.occurredAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(toActivity);
}

/** The activities of a deal that have taken place by `now`, oldest first: what the gate reads. */
export async function listActivityFacts(
  db: Kysely<Database>,
  opportunityId: string,
  now: Date,
): Promise<ActivityFact[]> {
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'kind', 'occurred_at', 'summary'])
    .where('opportunity_id', '=', opportunityId)
    .where('occurred_at', '<=', now)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    summary: row.summary,
  }));
}

/** Per deal, when its last activity took place by `now` (deals without one are absent). */
export async function listLastActivityAt(
  db: Kysely<Database>,
  opportunityIds: readonly string[],
  now: Date,
): Promise<Map<string, { at: Date; kind: Activity['kind'] }>> {
  const last = new Map<string, { at: Date; kind: Activity['kind'] }>();
  if (opportunityIds.length === 0) return last;
  const rows = await db
    .selectFrom('activities')
    .select(['opportunity_id', 'occurred_at', 'kind'])
    .distinctOn('opportunity_id')
    .where('opportunity_id', 'in', [...opportunityIds])
    .where('occurred_at', '<=', now)
    .orderBy('opportunity_id')
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc') // of two at the same instant, the later logged (as listActivityFacts orders them)
    .execute();
  for (const row of rows) {
    if (row.opportunity_id) last.set(row.opportunity_id, { at: row.occurred_at, kind: row.kind });
  }
  return last;
}
