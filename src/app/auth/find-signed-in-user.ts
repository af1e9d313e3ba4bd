import { findUserRecord, type UserRecord } from '../../db/repositories/user-records-repo.js';
import type { Actor, AppContext } from '../context.js';

/** The signed-in user's own record (GET /auth/me). */
export async function findSignedInUser(context: AppContext, actor: Actor): Promise<UserRecord | undefined> {
  return findUserRecord(context.db, actor.id);
}
