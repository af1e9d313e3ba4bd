import type { Kysely } from 'kysely';
import type { Database, WebhookDeliveryStatus } from '../../schema.js';
import type { WebhookAttempt } from './delivery-log-repo.js';
import type { SubscriptionSecrets } from './subscriptions-repo.js';

/** A delivery claimed by a worker for one attempt: what it sends, where, and the claim's fencing token. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  payload: unknown;
  /** The attempt this claim is (attempt_count after the claim): the update that ends it must match. */
  attempt: number;
  /** Attempts since the delivery was made or last replayed: what the retry budget counts. */
  attemptsInBudget: number;
  url: string;
  secrets: SubscriptionSecrets;
}

/**
 * Claims up to `limit` due deliveries of active subscriptions in one statement: rows another worker holds are
 * skipped (FOR UPDATE SKIP LOCKED), each claimed row counts an attempt and is leased until `leaseUntil` — its
 * next_attempt_at moves there, so if this process dies the row falls due again when the lease lapses.
 */
export async function claimDueDeliveries(
  db: Kysely<Database>,
  claim: { now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedDelivery[]> {
  const rows = await db
    .with('claimed', (qb) =>
      qb
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          attempt_count: eb('attempt_count', '+', 1),
          lease_until: claim.leaseUntil,
          next_attempt_at: claim.leaseUntil,
          updated_at: claim.now,
        }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('webhook_deliveries as due')
            .innerJoin('webhook_subscriptions as s', 's.id', 'due.subscription_id')
            .select('due.id')
            .where('due.status', '=', 'pending')
            .where('due.next_attempt_at', '<=', claim.now)
            .where('s.active', '=', true)
            .orderBy('due.next_attempt_at')
            .limit(claim.limit)
            .forUpdate('due')
            .skipLocked(),
        )
        .returning(['id', 'subscription_id', 'payload', 'attempt_count', 'budget_start']),
    )
    .selectFrom('claimed')
    .innerJoin('webhook_subscriptions as s', 's.id', 'claimed.subscription_id')
    .select([
      'claimed.id',
      'claimed.subscription_id',
      'claimed.payload',
      'claimed.attempt_count',
      'claimed.budget_start',
      's.url',
      's.secret',
      's.previous_secret',
      's.previous_secret_until',
    ])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    subscriptionId: row.subscription_id,
    payload: row.payload,
    attempt: row.attempt_count,
    attemptsInBudget: row.attempt_count - row.budget_start,
    url: row.url,
    secrets: {
      secret: row.secret,
      previousSecret: row.previous_secret,
      previousSecretUntil: row.previous_secret_until,
    },
  }));
}

/** An attempt to log: which delivery, and what happened. */
export interface AttemptRecord extends WebhookAttempt {
  deliveryId: string;
}

export type DeliveryEnd =
  | { status: 'delivered'; at: Date }
  | { status: 'pending'; nextAttemptAt: Date }
  | { status: 'dead' };

/**
 * Logs an attempt and ends its claim — only if the claim still holds (same attempt, still pending): a worker
 * whose lease lapsed while it waited must not overwrite the attempt that took over. Answers whether it held.
 */
export async function recordAttempt(
  db: Kysely<Database>,
  attempt: AttemptRecord,
  end: DeliveryEnd,
  at: Date,
): Promise<boolean> {
  await db
    .insertInto('webhook_attempts')
    .values({
      delivery_id: attempt.deliveryId,
      attempt: attempt.attempt,
      started_at: attempt.startedAt,
      duration_ms: attempt.durationMs,
      http_status: attempt.httpStatus,
      error: attempt.error,
      response_snippet: attempt.responseSnippet,
    })
    .execute();
  const updated = await db
    .updateTable('webhook_deliveries')
    .set({
      status: end.status,
      lease_until: null,
      last_status: attempt.httpStatus,
      last_error: attempt.error,
      updated_at: at,
      ...(end.status === 'pending' && { next_attempt_at: end.nextAttemptAt }),
      ...(end.status === 'delivered' && { delivered_at: end.at }),
    })
    .where('id', '=', attempt.deliveryId)
    .where('attempt_count', '=', attempt.attempt)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Makes a delivered or dead delivery pending again, due now, with a new retry budget; undefined if it is pending. */
export async function replayDelivery(db: Kysely<Database>, id: string, at: Date) {
  const row = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: 'pending' as WebhookDeliveryStatus,
      next_attempt_at: at,
      lease_until: null,
      budget_start: eb.ref('attempt_count'),
      updated_at: at,
    }))
    .where('id', '=', id)
    .where('status', 'in', ['delivered', 'dead'])
    .returning(['id'])
    .executeTakeFirst();
  return row !== undefined;
}
