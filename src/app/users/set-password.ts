import { findUserRecord, setPasswordHash } from '../../db/repositories/user-records-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost } from '../auth/passwords.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { refuseUnlessAdmin } from './require-admin.js';
import { endCredentialsOf } from './update-user.js';

/**
 * Sets (or, with null, removes) a user's password. Their sessions end, so whoever knew the old password is
 * signed out; API tokens stay (they are not derived from the password).
 */
export async function setPassword(
  context: AppContext,
  actor: Actor,
  userId: string,
  password: string | null,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<Result<{ sessionsEnded: number }, AppError>> {
  const refusal = refuseUnlessAdmin(actor, 'write');
  if (refusal) return err(refusal);
  const hash = password === null ? null : await hashPassword(password, cost);
  const at = context.now();
  return context.db.transaction().execute(async (trx) => {
    if (!(await findUserRecord(trx, userId, { lock: true }))) return err(notFound('User', userId));
    await setPasswordHash(trx, userId, hash);
    const { sessionsEnded } = await endCredentialsOf(trx, userId, at, { tokens: false });
    await recordEvent(trx, actor, at, {
      entityType: 'user',
      entityId: userId,
      action: hash ? 'user.password_set' : 'user.password_removed',
      after: { sessionsEnded },
    });
    return ok({ sessionsEnded });
  });
}
