import { createHash } from 'node:crypto';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  findIdempotentResponse,
  releaseIdempotencyKey,
  type StoredResponse,
} from '../../db/repositories/idempotency-repo.js';
import type { AppContext } from '../context.js';

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; response: NonNullable<StoredResponse['response']> }
  | { kind: 'in_progress' }
  | { kind: 'reused_with_other_body' };

const hashOf = (body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');

/**
 * The first request with a key runs; a retry with the same key and body gets the first answer again;
 * the same key with another body is refused. Keys are scoped to the caller and the route.
 */
export async function claimRequest(
  context: AppContext,
  scope: string,
  key: string,
  body: unknown,
): Promise<Claim> {
  const requestHash = hashOf(body);
  if (await claimIdempotencyKey(context.db, { scope, key, requestHash, at: context.now() }))
    return { kind: 'claimed' };
  const stored = await findIdempotentResponse(context.db, scope, key);
  if (!stored) return claimRequest(context, scope, key, body);
  if (stored.requestHash !== requestHash) return { kind: 'reused_with_other_body' };
  if (!stored.response) return { kind: 'in_progress' };
  return { kind: 'replay', status: stored.status, response: stored.response };
}

export function completeRequest(
  context: AppContext,
  scope: string,
  key: string,
  status: number,
  response: NonNullable<StoredResponse['response']>,
) {
  return completeIdempotencyKey(context.db, scope, key, status, response);
}

export function releaseRequest(context: AppContext, scope: string, key: string) {
  return releaseIdempotencyKey(context.db, scope, key);
}
