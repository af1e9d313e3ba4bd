import { insertSnapshotOfOpenDeals, snapshotAtOrBefore } from '../../db/repositories/deal-snapshots-repo.js';
import { rightsOf } from '../../domain/access/principal.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, forbidden } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';

export interface DealSnapshot {
  takenAt: Date;
  /** Open deals the snapshot holds. */
  deals: number;
}

/**
 * Snapshots every open deal (amount, currency, stage, pipeline, forecast category, close date, owner) in one
 * INSERT … SELECT, audited in the same transaction. Two snapshots never share an instant (the primary key):
 * a second one in the same millisecond is refused as a conflict by the database, never half-written.
 */
export async function takeSnapshot(
  context: AppContext,
  actor: Actor,
): Promise<Result<DealSnapshot, AppError>> {
  if (!rightsOf(actor.principal).takeDealSnapshots) {
    return err(forbidden('Only RevOps may take a snapshot of the pipeline on demand.'));
  }
  return ok(await writeSnapshot(context, actor, context.now()));
}

async function writeSnapshot(context: AppContext, actor: Actor, takenAt: Date): Promise<DealSnapshot> {
  return context.db.transaction().execute(async (trx) => {
    const deals = await insertSnapshotOfOpenDeals(trx, takenAt);
    await recordEvent(trx, actor, takenAt, {
      entityType: 'deal_snapshot',
      entityId: takenAt.toISOString(),
      action: 'deal_snapshot.taken',
      after: { deals },
    });
    return { takenAt, deals };
  });
}

const DAY = 86_400_000;

/** Monday 00:00 UTC of the week `at` falls in. */
export function weekStartOf(at: Date): Date {
  const midnight = Math.floor(at.getTime() / DAY) * DAY;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - weekday * DAY);
}

/** The weekly snapshot: taken unless one (scheduled or on demand) was already taken this week. */
export async function takeWeeklySnapshot(context: AppContext, actor: Actor): Promise<DealSnapshot | null> {
  const now = context.now();
  const latest = await snapshotAtOrBefore(context.db, now);
  if (latest && latest >= weekStartOf(now)) return null;
  return writeSnapshot(context, actor, now);
}
