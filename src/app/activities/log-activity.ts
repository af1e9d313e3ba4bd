import { findAccount } from '../../db/repositories/accounts-repo.js';
import { insertActivity } from '../../db/repositories/activities-repo.js';
import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import type { Activity } from '../../domain/activity/activity.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToAccount, denied, lockOpportunity } from '../access/authorize.js';
import { type AppError, invalid, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { recordEvent } from '../shared/record-event.js';
import type { LogActivityInput } from './activity-inputs.js';
import { checkActivityFacts } from './check-participants.js';

export type ActivityTarget = { opportunityId: string } | { accountId: string };

/**
 * Logs a call, meeting, email or note on a deal (who may qualify it) or an account (who keeps its contacts).
 * On a deal it bumps the deal's version: criteria derived from activities may now be met.
 */
export async function logActivity(
  context: AppContext,
  actor: Actor,
  target: ActivityTarget,
  input: LogActivityInput,
): Promise<Result<Activity, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const now = context.now();
    let accountId: string;
    let deal: Opportunity | null = null;
    if ('opportunityId' in target) {
      const locked = await lockOpportunity(trx, actor, target.opportunityId, 'qualify', undefined);
      if (!locked.ok) return locked;
      deal = locked.value;
      accountId = deal.accountId;
    } else {
      const account = await findAccount(trx, target.accountId);
      const refusal = account
        ? denied(await accessToAccount(trx, actor, account), 'qualify', 'Account', target.accountId)
        : notFound('Account', target.accountId);
      if (refusal) return err(refusal);
      accountId = target.accountId;
    }
    const userIds = input.userIds ?? (actor.id.startsWith('system:') ? [] : [actor.id]);
    const issues = await checkActivityFacts(trx, accountId, { ...input, userIds }, now);
    if (issues.length > 0) return err(invalid(issues));
    const opportunityId = deal?.id ?? null;
    if (deal) await saveOpportunity(trx, { ...deal, version: deal.version + 1, updatedAt: now });
    const activity: Activity = {
      id: context.newId('act'),
      accountId,
      opportunityId,
      kind: input.kind,
      occurredAt: input.occurredAt ?? now,
      userIds,
      contactIds: input.contactIds,
      summary: input.summary,
      link: input.link ?? null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await insertActivity(trx, activity);
    await recordEvent(trx, actor, now, {
      entityType: 'activity',
      entityId: activity.id,
      opportunityId,
      action: 'activity.logged',
      after: activity,
    });
    if (opportunityId) await storeInspections(context, trx, [opportunityId]);
    return ok(activity);
  });
}
