import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

export interface RateWindow {
  count: number;
  resetAt: Date;
}

/**
 * Counts one hit of `key` against `bucket` in one statement, atomic across server processes: a window that has
 * ended starts again at 1 and ends `windowMs` from `now`.
 */
export async function countHit(
  db: Kysely<Database>,
  hit: { bucket: string; key: string; now: Date; windowMs: number },
): Promise<RateWindow> {
  const resetAt = new Date(hit.now.getTime() + hit.windowMs);
  const row = await db
    .insertInto('rate_limit_windows')
    .values({ bucket: hit.bucket, key: hit.key, count: 1, reset_at: resetAt })
    .onConflict((conflict) =>
      conflict.columns(['bucket', 'key']).doUpdateSet({
        count: sql`case when rate_limit_windows.reset_at <= ${hit.now} then 1 else rate_limit_windows.count + 1 end`,
        reset_at: sql`case when rate_limit_windows.reset_at <= ${hit.now} then excluded.reset_at
          else rate_limit_windows.reset_at end`,
      }),
    )
    .returning(['count', 'reset_at'])
    .executeTakeFirstOrThrow();
  return { count: row.count, resetAt: row.reset_at };
}

/** The window of `key` in `bucket` if it has not ended at `now`. */
export async function findRateWindow(
  db: Kysely<Database>,
  bucket: string,
  key: string,
  now: Date,
): Promise<RateWindow | undefined> {
  const row = await db
    .selectFrom('rate_limit_windows')
    .select(['count', 'reset_at'])
    .where('bucket', '=', bucket)
    .where('key', '=', key)
    .where('reset_at', '>', now)
    .executeTakeFirst();
  return row && { count: row.count, resetAt: row.reset_at };
}

export async function deleteRateWindow(db: Kysely<Database>, bucket: string, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_windows').where('bucket', '=', bucket).where('key', '=', key).execute();
}

/** Forgets every window that ended before `now` (housekeeping); returns how many. */
export async function deleteEndedRateWindows(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limit_windows').where('reset_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
