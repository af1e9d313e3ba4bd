import { insertUserRecord, type UserRecord } from '../../db/repositories/user-records-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost } from '../auth/passwords.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { applyRegionRule } from './check-region-rule.js';
import { checkUserFields } from './check-user-fields.js';
import { refuseUnlessAdmin } from './require-admin.js';
import type { CreateUserInput } from './user-inputs.js';

/** An admin adds a user (a permission grant: audited with role, region and manager). */
export async function createUser(
  context: AppContext,
  actor: Actor,
  input: CreateUserInput,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<Result<UserRecord, AppError>> {
  const refusal = refuseUnlessAdmin(actor, 'write');
  if (refusal) return err(refusal);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password, cost);
  const at = context.now();
  return context.db.transaction().execute(async (trx) => {
    const problem = await checkUserFields(trx, null, input);
    if (problem) return err(problem);
    const regionRule = await applyRegionRule(
      trx,
      { email: input.email, role: input.role, currentRegion: null },
      input.region,
    );
    if ('refusal' in regionRule) return err(regionRule.refusal);
    const user = await insertUserRecord(
      trx,
      {
        id: context.newId('user'),
        email: input.email,
        name: input.name,
        role: input.role,
        region: regionRule.region ?? null,
        managerId: input.managerId ?? null,
        active: true,
        createdAt: at,
      },
      passwordHash,
    );
    const { version: _v, createdAt: _c, ...after } = user;
    await recordEvent(trx, actor, at, {
      entityType: 'user',
      entityId: user.id,
      action: 'user.created',
      after: { ...after, passwordSet: passwordHash !== null },
    });
    return ok(user);
  });
}
