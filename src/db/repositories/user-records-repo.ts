import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../domain/access/roles.js';
import type { Database } from '../schema.js';
import type { User } from './users-repo.js';

/** A user as administration sees it: with the version for If-Match (never the password hash). */
export interface UserRecord extends User {
  version: number;
}

export type UserChanges = Partial<
  Pick<UserRecord, 'email' | 'name' | 'role' | 'region' | 'managerId' | 'active'>
>;

export function toUserRecord(row: Selectable<Database['users']>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    region: row.region,
    managerId: row.manager_id,
    active: row.active,
    createdAt: row.created_at,
    version: row.version,
  };
}

export async function insertUserRecord(db: Kysely<Database>, user: User, passwordHash: string | null) {
  const row = await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      region: user.region,
      manager_id: user.managerId,
      active: user.active,
      created_at: user.createdAt,
      password_hash: passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUserRecord(row);
}

export async function findUserRecord(db: Kysely<Database>, id: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('users').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toUserRecord(row);
}

/** Emails are matched case-insensitively (they are stored as given). */
export async function findUserByEmail(db: Kysely<Database>, email: string) {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row && { user: toUserRecord(row), passwordHash: row.password_hash };
}

export async function updateUserRecord(db: Kysely<Database>, id: string, changes: UserChanges) {
  const row = await db
    .updateTable('users')
    .set((eb) => ({
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.region !== undefined && { region: changes.region }),
      ...(changes.managerId !== undefined && { manager_id: changes.managerId }),
      ...(changes.active !== undefined && { active: changes.active }),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUserRecord(row);
}

export async function setPasswordHash(db: Kysely<Database>, id: string, passwordHash: string | null) {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Kysely<Database>, admins: readonly Role[]): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('active', '=', true)
    .where('role', 'in', admins)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface UserFilter {
  role?: Role | undefined;
  region?: string | undefined;
  active?: boolean | undefined;
}

/** Users by name, keyset-paged on (name, id). */
export async function listUserRecords(
  db: Kysely<Database>,
  filter: UserFilter,
  page: { limit: number; after?: [string, string] | undefined },
) {
  let query = db.selectFrom('users').selectAll();
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  const after = page.after;
  if (after) query = query.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after[0], after[1])));
  const rows = await query.orderBy('name').orderBy('id').limit(page.limit).execute();
  return rows.map(toUserRecord);
}

/** Users whose email ends with `suffix` and who have no password yet. */
export async function listPasswordlessUserIds(db: Kysely<Database>, emailSuffix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('email', 'like', `%${emailSuffix.replace(/[%_\\]/g, '\\$&')}`)
    .where('password_hash', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The users with any of these e-mails, matched case-insensitively, in one query. */
export async function findUsersByEmails(
  db: Kysely<Database>,
  emails: readonly string[],
): Promise<UserRecord[]> {
  const lower = [...new Set(emails.map((email) => email.toLowerCase()))];
  if (lower.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), 'in', lower))
    .execute();
  return rows.map(toUserRecord);
}
