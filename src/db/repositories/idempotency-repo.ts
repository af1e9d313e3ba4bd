import { type Kysely, sql } from 'kysely';
import { hasSqlState, SQLSTATE } from '../database-error.js';
import type { Database } from '../schema.js';

export interface StoredResponse {
  status: number;
  requestHash: string;
  /** The replayed body and the headers that matter (ETag, Location). */
  response: { body: unknown; headers: Record<string, string> };
}

/** How long a request waits for another one holding the same key (PostgreSQL) before answering "still running". */
const WAIT_FOR_OTHER_HOLDER = '5s';

/**
 * Claims a key inside the request's open transaction. The row commits (with the answer) together with the
 * write, or not at all: a claim never outlives the transaction that made it. A concurrent request with
 * the same key waits on the unique index until the first commits or rolls back.
 * 'claimed' — ours to run; 'taken' — another request's answer is stored; 'busy' — another request still holds it.
 */
export async function claimIdempotencyKey(
  trx: Kysely<Database>,
  claim: { scope: string; key: string; requestHash: string; at: Date },
): Promise<'claimed' | 'taken' | 'busy'> {
  await sql`set local lock_timeout = ${sql.lit(WAIT_FOR_OTHER_HOLDER)}`.execute(trx);
  try {
    const inserted = await trx
      .insertInto('idempotency_keys')
      .values({
        scope: claim.scope,
        key: claim.key,
        request_hash: claim.requestHash,
        status: 0,
        response: JSON.stringify(null),
        created_at: claim.at,
      })
      .onConflict((conflict) => conflict.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    return inserted ? 'claimed' : 'taken';
  } catch (error) {
    if (hasSqlState(error, SQLSTATE.lockNotAvailable)) return 'busy';
    throw error;
  } finally {
    await sql`set local lock_timeout = default`.execute(trx).catch(() => {});
  }
}

export async function findIdempotentResponse(
  db: Kysely<Database>,
  scope: string,
  key: string,
): Promise<StoredResponse | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    status: row.status,
    requestHash: row.request_hash,
    response: row.response as unknown as StoredResponse['response'],
  };
}

/** Stores the answer in the transaction that claimed the key (and made the write). */
export async function completeIdempotencyKey(
  trx: Kysely<Database>,
  scope: string,
  key: string,
  status: number,
  response: StoredResponse['response'],
) {
  await trx
    .updateTable('idempotency_keys')
    .set({ status, response: JSON.stringify(response) })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

/** Forgets the keys stored before `before`: a retry that late runs as a new request. */
export async function deleteIdempotencyKeysBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
