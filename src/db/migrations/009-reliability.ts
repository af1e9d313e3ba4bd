import { type Kysely, sql } from 'kysely';

/**
 * Idempotency keys are now claimed in the write's own transaction, so a stored key always has its answer.
 * Claims left "in progress" by a process that died under the old scheme are dropped: their retry runs again.
 */
const statements: readonly string[] = ['delete from idempotency_keys where status = 0'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
