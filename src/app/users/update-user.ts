import type { Kysely } from 'kysely';
import { revokeApiTokensOfUser } from '../../db/repositories/api-tokens-repo.js';
import { revokeSessionsOfUser } from '../../db/repositories/sessions-repo.js';
import {
  countActiveAdmins,
  findUserRecord,
  type UserRecord,
  updateUserRecord,
} from '../../db/repositories/user-records-repo.js';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { lockForWrite } from '../shared/lock-for-write.js';
import { diff, recordEvent } from '../shared/record-event.js';
import { applyRegionRule } from './check-region-rule.js';
import { checkUserFields } from './check-user-fields.js';
import { ADMIN_ROLES, refuseUnlessAdmin } from './require-admin.js';
import type { UpdateUserInput } from './user-inputs.js';

const PERMISSION_FIELDS = ['role', 'region', 'managerId', 'active'] as const;
const isAdmin = (user: Pick<UserRecord, 'role' | 'active'>) => user.active && ADMIN_ROLES.includes(user.role);

/** Ends every session and API token of a user, at once; returns what it ended. */
export async function endCredentialsOf(
  trx: Kysely<Database>,
  userId: string,
  at: Date,
  options: { tokens: boolean } = { tokens: true },
) {
  const sessionsEnded = await revokeSessionsOfUser(trx, userId, at);
  const tokensRevoked = options.tokens ? await revokeApiTokensOfUser(trx, userId, at) : [];
  return { sessionsEnded, tokensRevoked };
}

/**
 * An admin edits a user. Role, region, manager and active are permissions (audited as
 * `user.permissions_changed`); disabling ends the user's sessions and tokens in the same transaction.
 * The last active administrator cannot be demoted or disabled.
 */
export async function updateUser(
  context: AppContext,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
  expectedVersion?: number,
): Promise<Result<UserRecord, AppError>> {
  const refusal = refuseUnlessAdmin(actor, 'write');
  if (refusal) return err(refusal);
  const at = context.now();
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockForWrite(
      () => findUserRecord(trx, id, { lock: true }),
      'User',
      id,
      expectedVersion,
    );
    if (!locked.ok) return locked;
    const before = locked.value;
    const problem = await checkUserFields(trx, id, input);
    if (problem) return err(problem);
    const regionRule = await applyRegionRule(
      trx,
      { email: input.email ?? before.email, role: input.role ?? before.role, currentRegion: before.region },
      input.region,
    );
    if ('refusal' in regionRule) return err(regionRule.refusal);
    const wouldBe = { ...before, ...input };
    if (isAdmin(before) && !isAdmin(wouldBe) && (await countActiveAdmins(trx, ADMIN_ROLES)) <= 1) {
      return err({
        code: 'conflict',
        message: 'This is the last active administrator; appoint another first.',
      });
    }
    const after = await updateUserRecord(trx, id, input);
    const changes = diff(before, after);
    if (Object.keys(changes.after).length === 0) return ok(after);
    const permissions = PERMISSION_FIELDS.some((field) => field in changes.after);
    const ended = before.active && !after.active ? await endCredentialsOf(trx, id, at) : null;
    await recordEvent(trx, actor, at, {
      entityType: 'user',
      entityId: id,
      action: permissions ? 'user.permissions_changed' : 'user.updated',
      before: changes.before,
      after: ended ? { ...changes.after, ...ended } : changes.after,
    });
    return ok(after);
  });
}
