import { listActivities as selectActivities } from '../../db/repositories/activities-repo.js';
import { mayChangeActivity } from '../../domain/access/activity-access.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import type { Activity } from '../../domain/activity/activity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { readableAccount, readableOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { decodeCursor, type Page, toPage } from '../shared/cursor.js';
import type { ActivityListQuery } from './activity-inputs.js';
import type { ActivityTarget } from './log-activity.js';

export interface ActivityView extends Activity {
  /** Whether the caller may edit or delete it (whoever logged it, or an admin). */
  mayChange: boolean;
}

/** A deal's activities, or an account's (its own and those of its deals the caller may read), newest first. */
export async function listActivities(
  context: AppContext,
  actor: Actor,
  of: ActivityTarget,
  query: ActivityListQuery,
): Promise<Result<Page<ActivityView>, AppError>> {
  const readable =
    'opportunityId' in of
      ? await readableOpportunity(context.db, actor, of.opportunityId)
      : await readableAccount(context.db, actor, of.accountId);
  if (!readable.ok) return readable;
  const cursor = decodeCursor(query.cursor, ['instant', 'text']);
  if (!cursor.ok) return err(cursor.error);
  const key = cursor.value;
  const after = key && { occurredAt: new Date(String(key[0])), id: String(key[1]) };
  const scope =
    'opportunityId' in of
      ? of
      : { accountId: of.accountId, deals: visibilityFor(actor.principal, 'opportunity') };
  const rows = await selectActivities(context.db, scope, { limit: query.limit + 1, after });
  const page = toPage(rows, query.limit, (row) => [row.occurredAt.toISOString(), row.id]);
  return ok({
    ...page,
    items: page.items.map((item) => ({ ...item, mayChange: mayChangeActivity(actor.principal, item) })),
  });
}
