import type { Kysely } from 'kysely';
import { deleteActivity, findActivity, saveActivity } from '../../db/repositories/activities-repo.js';
import { findOpportunity, saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import type { Database } from '../../db/schema.js';
import { mayChangeActivity, WHO_CHANGES_ACTIVITIES } from '../../domain/access/activity-access.js';
import type { Activity } from '../../domain/activity/activity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { readableAccount, readableOpportunity } from '../access/authorize.js';
import { type AppError, forbidden, invalid, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { lockForWrite } from '../shared/lock-for-write.js';
import { diff, recordEvent } from '../shared/record-event.js';
import type { UpdateActivityInput } from './activity-inputs.js';
import { checkActivityFacts } from './check-participants.js';

/** Locks an activity to change it: 404 unless its deal (or account) is readable, 403 unless it is the actor's own. */
function lockActivity(trx: Kysely<Database>, actor: Actor, id: string, expectedVersion: number | undefined) {
  return lockForWrite(
    () => findActivity(trx, id, { lock: true }),
    'Activity',
    id,
    expectedVersion,
    async (activity) => {
      const readable = activity.opportunityId
        ? await readableOpportunity(trx, actor, activity.opportunityId)
        : await readableAccount(trx, actor, activity.accountId);
      if (!readable.ok) return notFound('Activity', id);
      return mayChangeActivity(actor.principal, activity) ? null : forbidden(WHO_CHANGES_ACTIVITIES);
    },
  );
}

/** The deal an activity is on sees its facts change: its version moves on and its inspection is recomputed. */
async function touchDeal(context: AppContext, trx: Kysely<Database>, activity: Activity, now: Date) {
  if (!activity.opportunityId) return;
  const deal = await findOpportunity(trx, activity.opportunityId, { lock: true });
  if (!deal) return;
  await saveOpportunity(trx, { ...deal, version: deal.version + 1, updatedAt: now });
  await storeInspections(context, trx, [deal.id]);
}

export async function updateActivity(
  context: AppContext,
  actor: Actor,
  id: string,
  input: UpdateActivityInput,
  expectedVersion?: number,
): Promise<Result<Activity, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockActivity(trx, actor, id, expectedVersion);
    if (!locked.ok) return locked;
    const current = locked.value;
    const now = context.now();
    const issues = await checkActivityFacts(trx, current.accountId, input, now);
    if (issues.length > 0) return err(invalid(issues));
    const next: Activity = {
      ...current,
      kind: input.kind ?? current.kind,
      occurredAt: input.occurredAt ?? current.occurredAt,
      userIds: input.userIds ?? current.userIds,
      contactIds: input.contactIds ?? current.contactIds,
      summary: input.summary ?? current.summary,
      link: input.link === undefined ? current.link : input.link,
    };
    const changes = diff(current, next);
    if (Object.keys(changes.after).length === 0) return ok(current);
    const saved = { ...next, version: current.version + 1, updatedAt: now };
    await saveActivity(trx, saved);
    await touchDeal(context, trx, saved, now);
    await recordEvent(trx, actor, now, {
      entityType: 'activity',
      entityId: id,
      opportunityId: current.opportunityId,
      action: 'activity.updated',
      ...changes,
    });
    return ok(saved);
  });
}

export async function removeActivity(
  context: AppContext,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<Result<null, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockActivity(trx, actor, id, expectedVersion);
    if (!locked.ok) return locked;
    const now = context.now();
    await deleteActivity(trx, id);
    await touchDeal(context, trx, locked.value, now);
    await recordEvent(trx, actor, now, {
      entityType: 'activity',
      entityId: id,
      opportunityId: locked.value.opportunityId,
      action: 'activity.deleted',
      before: locked.value,
    });
    return ok(null);
  });
}
