import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

/** Counts one more push of the deal's close date (see domain/forecast-changes/push.ts); in the caller's transaction. */
export async function countClosePush(db: Kysely<Database>, opportunityId: string): Promise<void> {
  await db
    .updateTable('opportunities')
    .set({ push_count: sql<number>`push_count + 1` })
    .where('id', '=', opportunityId)
    .execute();
}

/** The stored push counts of the given deals (absent ids: no row). */
export async function pushCountsOf(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('opportunities')
    .select(['id', 'push_count'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.push_count] as const));
}
