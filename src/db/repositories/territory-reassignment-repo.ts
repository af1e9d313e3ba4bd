import { type Kysely, sql } from 'kysely';
import type { Role } from '../../domain/access/roles.js';
import type { Segment } from '../../domain/account/account.js';
import type { AccountToRoute, DealToFollow } from '../../domain/territory/plan-reassignment.js';
import type { UserFacts } from '../../domain/territory/resolve-people.js';
import type { Database } from '../schema.js';

/** Who, when and why, for the audit events of a bulk move. */
export interface BulkAudit {
  at: Date;
  actorId: string;
  requestId: string | null;
}

/**
 * The closing CTE of a bulk change: an outbox row for each row of the `event` CTE (which returns id, action,
 * entity_type, entity_id, occurred_at), as recordEvent writes one for a single change.
 */
const OUTBOXED_EVENTS = sql`outboxed as (
      insert into outbox (event_id, topic, payload, created_at)
      select id, action,
             jsonb_build_object('eventId', id, 'action', action, 'entityType', entity_type, 'entityId', entity_id),
             occurred_at
        from event
      returning event_id
    )`;

/** Every account, with what routing reads of it. */
export async function listAccountsToRoute(db: Kysely<Database>): Promise<AccountToRoute[]> {
  const rows = await db
    .selectFrom('accounts')
    .select([
      'id',
      'name',
      'owner_id',
      'owner_pinned',
      'country',
      'subdivision',
      'postal_code',
      'county',
      'segment',
    ])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    ownerPinned: row.owner_pinned,
    place: {
      country: row.country,
      subdivision: row.subdivision,
      postalCode: row.postal_code,
      county: row.county,
      segment: row.segment as Segment,
    },
  }));
}

/** Every deal: its account, owner, and whether it is open. */
export async function listDealsToFollow(db: Kysely<Database>): Promise<DealToFollow[]> {
  const rows = await db
    .selectFrom('opportunities')
    .select(['id', 'name', 'account_id', 'owner_id', 'closed_at'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    accountId: row.account_id,
    ownerId: row.owner_id,
    open: row.closed_at === null,
  }));
}

/** One account's deals, with the role of each deal's owner: what follows the account when it moves. */
export async function listAccountDealsToFollow(
  db: Kysely<Database>,
  accountId: string,
): Promise<{ deals: DealToFollow[]; roles: Map<string, Role> }> {
  const rows = await db
    .selectFrom('opportunities')
    .innerJoin('users', 'users.id', 'opportunities.owner_id')
    .select([
      'opportunities.id',
      'opportunities.name',
      'opportunities.owner_id',
      'opportunities.closed_at',
      'users.role',
    ])
    .where('opportunities.account_id', '=', accountId)
    .orderBy('opportunities.id')
    .execute();
  return {
    deals: rows.map((row) => ({
      id: row.id,
      name: row.name,
      accountId,
      ownerId: row.owner_id,
      open: row.closed_at === null,
    })),
    roles: new Map(rows.map((row) => [row.owner_id, row.role as Role])),
  };
}

/** Every user, as resolving a model's people reads them. */
export async function listUserFacts(
  db: Kysely<Database>,
): Promise<Array<UserFacts & { region: string | null }>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'active', 'region'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

interface OwnerMove {
  id: string;
  fromId: string | null;
  toId: string;
}

/**
 * Gives each record its new owner in one statement, bumping its version, with one audit event (and outbox row)
 * per record: `account.updated` / `opportunity.updated` with the owner before and after, as an edit records it.
 */
async function moveOwners(
  db: Kysely<Database>,
  table: 'accounts' | 'opportunities',
  moves: readonly OwnerMove[],
  audit: BulkAudit,
): Promise<number> {
  if (moves.length === 0) return 0;
  const entity = table === 'accounts' ? 'account' : 'opportunity';
  const payload = JSON.stringify(
    moves.map((move) => ({ id: move.id, from_id: move.fromId, to_id: move.toId })),
  );
  const target = sql.table(table);
  const result = await sql<{ moved: string }>`
    with wanted as (
      select * from jsonb_to_recordset(${payload}::jsonb) as m(id text, from_id text, to_id text)
    ), moved as (
      update ${target} as t
         set owner_id = wanted.to_id, version = t.version + 1, updated_at = ${audit.at}
        from wanted
       where t.id = wanted.id and t.owner_id is not distinct from wanted.from_id
      returning t.id, wanted.from_id, wanted.to_id
    ), event as (
      insert into events (occurred_at, actor_id, request_id, entity_type, entity_id, opportunity_id, action, before, after)
      select ${audit.at}, ${audit.actorId}, ${audit.requestId}, ${entity}, id,
             ${table === 'opportunities' ? sql`id` : sql`null`}, ${`${entity}.updated`},
             jsonb_build_object('ownerId', from_id), jsonb_build_object('ownerId', to_id)
        from moved
      returning id, action, entity_type, entity_id, occurred_at
    ), ${OUTBOXED_EVENTS}
    select count(*) as moved from outboxed`.execute(db);
  return Number(result.rows[0]?.moved ?? 0);
}

export const moveAccountOwners = (db: Kysely<Database>, moves: readonly OwnerMove[], audit: BulkAudit) =>
  moveOwners(db, 'accounts', moves, audit);

export const moveDealOwners = (db: Kysely<Database>, moves: readonly OwnerMove[], audit: BulkAudit) =>
  moveOwners(db, 'opportunities', moves, audit);

/**
 * Sets users' regions in one statement (only those that differ), bumping each user's version, with one
 * `user.permissions_changed` event per user changed (region is a permission).
 */
export async function setUserRegions(
  db: Kysely<Database>,
  regions: ReadonlyArray<{ userId: string; region: string }>,
  audit: BulkAudit,
): Promise<number> {
  if (regions.length === 0) return 0;
  const payload = JSON.stringify(regions.map((entry) => ({ id: entry.userId, region: entry.region })));
  const result = await sql<{ changed: string }>`
    with wanted as (
      select * from jsonb_to_recordset(${payload}::jsonb) as m(id text, region text)
    ), old as (
      select u.id, u.region from users u join wanted on wanted.id = u.id
       where u.region is distinct from wanted.region
    ), changed as (
      update users as u set region = wanted.region, version = u.version + 1
        from wanted, old
       where u.id = wanted.id and old.id = u.id
      returning u.id, old.region as old_region, wanted.region as new_region
    ), event as (
      insert into events (occurred_at, actor_id, request_id, entity_type, entity_id, opportunity_id, action, before, after)
      select ${audit.at}, ${audit.actorId}, ${audit.requestId}, 'user', id, null, 'user.permissions_changed',
             jsonb_build_object('region', old_region), jsonb_build_object('region', new_region)
        from changed
      returning id, action, entity_type, entity_id, occurred_at
    ), ${OUTBOXED_EVENTS}
    select count(*) as changed from outboxed`.execute(db);
  return Number(result.rows[0]?.changed ?? 0);
}
