import { findForecastPeople } from '../../db/repositories/forecast-repo.js';
import { upsertQuota } from '../../db/repositories/forecast-settings-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, type FieldIssue, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { refuseUnlessForecastSettingsManager, refuseUnlessPeriodStart } from './forecast-access.js';
import type { SetQuotasInput } from './forecast-inputs.js';

/** Each quota names a person and the first day of a period; an owner × period appears once. */
async function issuesOf(context: AppContext, input: SetQuotasInput): Promise<FieldIssue[]> {
  const people = new Set(
    (
      await findForecastPeople(
        context.db,
        input.quotas.map((q) => q.ownerId),
      )
    ).map((p) => p.id),
  );
  const seen = new Set<string>();
  return input.quotas.flatMap((quota, index): FieldIssue[] => {
    const at = `quotas[${index}]`;
    if (!people.has(quota.ownerId)) return [{ path: `${at}.ownerId`, message: 'no such user' }];
    const period = refuseUnlessPeriodStart(
      context.playbook,
      quota.periodKind,
      quota.periodStart,
      `${at}.periodStart`,
    );
    if (period?.code === 'validation_failed') return period.issues;
    const key = `${quota.ownerId}/${quota.periodKind}/${quota.periodStart}`;
    if (seen.has(key)) return [{ path: at, message: 'the same owner and period twice' }];
    seen.add(key);
    return [];
  });
}

/** Sets owners' quotas (RevOps, VP Finance), each audited with its amount before and after; all or nothing. */
export async function setQuotas(
  context: AppContext,
  actor: Actor,
  input: SetQuotasInput,
): Promise<Result<{ updated: number }, AppError>> {
  const refused = refuseUnlessForecastSettingsManager(actor);
  if (refused) return err(refused);
  const issues = await issuesOf(context, input);
  if (issues.length > 0) return err(invalid(issues));
  return context.db.transaction().execute(async (trx) => {
    const now = context.now();
    for (const quota of input.quotas) {
      const { before, version } = await upsertQuota(trx, quota, actor.id, now);
      await recordEvent(trx, actor, now, {
        entityType: 'quota',
        entityId: `${quota.ownerId}/${quota.periodKind}/${quota.periodStart}`,
        action: 'quota.set',
        before: before === null ? null : { amountMinor: before },
        after: { ...quota, version },
      });
    }
    return ok({ updated: input.quotas.length });
  });
}
