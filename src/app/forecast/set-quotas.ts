import { findForecastPeople } from '../../db/repositories/forecast-repo.js';
import { upsertQuotas } from '../../db/repositories/forecast-settings-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, type FieldIssue, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvents } from '../shared/record-event.js';
import { refuseUnlessForecastSettingsManager, refuseUnlessPeriodStart } from './forecast-access.js';
import type { SetQuotasInput } from './forecast-inputs.js';

/** Quotas written per statement (and their audit events per statement). */
const QUOTAS_PER_STATEMENT = 1000;

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
    for (let from = 0; from < input.quotas.length; from += QUOTAS_PER_STATEMENT) {
      const quotas = input.quotas.slice(from, from + QUOTAS_PER_STATEMENT);
      const written = await upsertQuotas(trx, quotas, actor.id, now);
      await recordEvents(
        trx,
        actor,
        now,
        quotas.map((quota, index) => ({
          entityType: 'quota',
          entityId: `${quota.ownerId}/${quota.periodKind}/${quota.periodStart}`,
          action: 'quota.set',
          before: written[index]?.before == null ? null : { amountMinor: written[index]?.before },
          after: { ...quota, version: written[index]?.version },
        })),
      );
    }
    return ok({ updated: input.quotas.length });
  });
}
