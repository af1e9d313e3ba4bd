import type { Kysely, Selectable } from 'kysely';
import type { Principal } from '../../domain/access/principal.js';
import type { Role } from '../../domain/access/roles.js';
import type { Database, TokenScope } from '../schema.js';

/** A token as listed: everything but its hash. */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  scope: TokenScope;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

function toApiToken(row: Selectable<Database['api_tokens']>): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    scope: row.scope,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertApiToken(db: Kysely<Database>, token: ApiToken, tokenHash: string) {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      name: token.name,
      token_hash: tokenHash,
      scope: token.scope,
      created_by: token.createdBy,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
    })
    .execute();
}

/** The token with this hash and its user, in one lookup (every bearer request makes it). */
export async function findApiTokenWithUser(db: Kysely<Database>, tokenHash: string) {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select(['users.role', 'users.region', 'users.manager_id', 'users.active'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const user: Principal & { active: boolean } = {
    id: row.user_id,
    role: row.role as Role,
    region: row.region,
    managerId: row.manager_id,
    active: row.active,
  };
  return { token: toApiToken(row), user };
}

export async function findApiToken(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toApiToken(row);
}

/** Newest first, keyset-paged on (created_at, id) descending. */
export async function listApiTokens(
  db: Kysely<Database>,
  filter: { userId?: string | undefined },
  page: { limit: number; before?: { createdAt: Date; id: string } | undefined },
) {
  let query = db.selectFrom('api_tokens').selectAll();
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  const before = page.before;
  if (before) {
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(before.createdAt, before.id)),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(toApiToken);
}

export async function touchApiToken(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeApiToken(
  db: Kysely<Database>,
  id: string,
  at: Date,
): Promise<ApiToken | undefined> {
  const row = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row && toApiToken(row);
}

/** Revokes every live token of a user; returns their ids. */
export async function revokeApiTokensOfUser(db: Kysely<Database>, userId: string, at: Date) {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
