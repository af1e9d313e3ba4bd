import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface StoredResponse {
  status: number;
  requestHash: string;
  /** The replayed body and the headers that matter (ETag, Location); null while the first request runs. */
  response: { body: unknown; headers: Record<string, string> } | null;
}

const IN_PROGRESS = 0;

/** Claims a key for a request; false when it was already claimed (then read it with findIdempotentResponse). */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  claim: { scope: string; key: string; requestHash: string; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      scope: claim.scope,
      key: claim.key,
      request_hash: claim.requestHash,
      status: IN_PROGRESS,
      response: JSON.stringify(null),
      created_at: claim.at,
    })
    .onConflict((conflict) => conflict.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findIdempotentResponse(db: Kysely<Database>, scope: string, key: string) {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  const stored: StoredResponse = {
    status: row.status,
    requestHash: row.request_hash,
    response: row.status === IN_PROGRESS ? null : (row.response as unknown as StoredResponse['response']),
  };
  return stored;
}

export async function completeIdempotencyKey(
  db: Kysely<Database>,
  scope: string,
  key: string,
  status: number,
  response: NonNullable<StoredResponse['response']>,
) {
  await db
    .updateTable('idempotency_keys')
    .set({ status, response: JSON.stringify(response) })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

/** Forgets a key whose request failed unexpectedly, so the client's retry runs again. */
export async function releaseIdempotencyKey(db: Kysely<Database>, scope: string, key: string) {
  await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).execute();
}
