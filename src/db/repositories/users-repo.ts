import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../domain/access/roles.js';
import type { Database } from '../schema.js';
import { toUserRecord } from './user-records-repo.js';

export type { Role };

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  region: string | null;
  managerId: string | null;
  active: boolean;
  createdAt: Date;
}

/** A user without the administrative version. */
function toUser(row: Selectable<Database['users']>): User {
  const { version: _version, ...user } = toUserRecord(row);
  return user;
}

export async function insertUsers(db: Kysely<Database>, users: User[]): Promise<void> {
  if (users.length === 0) return;
  await db
    .insertInto('users')
    .values(
      users.map((user) => ({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        region: user.region,
        manager_id: user.managerId,
        active: user.active,
        created_at: user.createdAt,
      })),
    )
    .execute();
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map(toUser);
}

export async function userExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function findUser(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** Whether anyone has been set up yet (the demo seed only fills an empty database). */
export async function hasUsers(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** The active users of a role, in one region when given (who may act on an approval step). */
export async function listActiveUsersWithRole(
  db: Kysely<Database>,
  role: Role,
  region?: string | null,
): Promise<User[]> {
  let query = db.selectFrom('users').selectAll().where('role', '=', role).where('active', '=', true);
  if (region !== undefined)
    query = region === null ? query.where('region', 'is', null) : query.where('region', '=', region);
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map(toUser);
}
