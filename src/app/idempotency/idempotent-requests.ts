import { createHash } from 'node:crypto';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  findIdempotentResponse,
  type StoredResponse,
} from '../../db/repositories/idempotency-repo.js';
import type { AppContext } from '../context.js';

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; response: StoredResponse['response'] }
  | { kind: 'in_progress' }
  | { kind: 'reused_with_other_body' };

const hashOf = (body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');

/**
 * The first request with a key runs; a retry with the same key and body gets the first answer again;
 * the same key with another body is refused. Keys are scoped to the caller and the route.
 * `context.db` must be the request's open transaction: the claim commits with the write and its answer
 * (completeRequest), or vanishes with them — after a crash, a retry either replays or runs once.
 */
export async function claimRequest(
  context: AppContext,
  scope: string,
  key: string,
  body: unknown,
): Promise<Claim> {
  const requestHash = hashOf(body);
  const claimed = await claimIdempotencyKey(context.db, { scope, key, requestHash, at: context.now() });
  if (claimed === 'claimed') return { kind: 'claimed' };
  if (claimed === 'busy') return { kind: 'in_progress' };
  const stored = await findIdempotentResponse(context.db, scope, key);
  if (!stored) throw new Error(`idempotency key ${key} was taken but has no stored answer`);
  if (stored.requestHash !== requestHash) return { kind: 'reused_with_other_body' };
  return { kind: 'replay', status: stored.status, response: stored.response };
}

/** Stores the answer in the claiming transaction, before it commits. */
export function completeRequest(
  context: AppContext,
  scope: string,
  key: string,
  status: number,
  response: StoredResponse['response'],
) {
  return completeIdempotencyKey(context.db, scope, key, status, response);
}
