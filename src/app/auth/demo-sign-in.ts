import { listPasswordlessUserIds, setPasswordHash } from '../../db/repositories/user-records-repo.js';
import { listUsers, type Role } from '../../db/repositories/users-repo.js';
import type { AppContext } from '../context.js';
import { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost } from './passwords.js';

/** The documented password of every demo user (README, startup log). Only `serve --demo` ever sets it. */
export const DEMO_PASSWORD = 'closepath-demo';
const DEMO_DOMAIN = '@closepath.demo';

export interface DemoSignIn {
  email: string;
  name: string;
  role: Role;
  region: string | null;
}

/** The active demo users (emails at closepath.demo), by role then name. */
export async function listDemoSignIns(context: AppContext): Promise<DemoSignIn[]> {
  const users = await listUsers(context.db);
  return users
    .filter((user) => user.active && user.email.endsWith(DEMO_DOMAIN))
    .map(({ email, name, role, region }) => ({ email, name, role, region }))
    .sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name));
}

/**
 * Demo mode only: gives the demo password (each hash its own salt) to every demo user who has no password
 * yet — the demo org just seeded, or seeded earlier by `closepath seed`. Returns how many it set.
 */
export async function grantDemoPasswords(context: AppContext, cost: ScryptCost = DEFAULT_SCRYPT_COST) {
  const ids = await listPasswordlessUserIds(context.db, DEMO_DOMAIN);
  const hashes = await Promise.all(ids.map(() => hashPassword(DEMO_PASSWORD, cost)));
  await context.db.transaction().execute(async (trx) => {
    for (const [index, id] of ids.entries()) await setPasswordHash(trx, id, hashes[index] ?? null);
  });
  return ids.length;
}
