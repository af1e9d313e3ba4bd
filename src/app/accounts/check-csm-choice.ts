import type { Kysely } from 'kysely';
import { findUser } from '../../db/repositories/users-repo.js';
import type { Database } from '../../db/schema.js';
import type { FieldIssue } from '../app-error.js';

/** An account's CSM must be an active user of role csm (they own its renewal deals). */
export async function checkCsmChoice(db: Kysely<Database>, csmId: string): Promise<FieldIssue | null> {
  const user = await findUser(db, csmId);
  if (!user?.active) return { path: 'csmId', message: 'no such active user' };
  return user.role === 'csm'
    ? null
    : { path: 'csmId', message: 'must be a Customer Success Manager (role csm)' };
}
