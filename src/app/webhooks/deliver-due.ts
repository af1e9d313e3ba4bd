import type { Kysely } from 'kysely';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  type DeliveryEnd,
  recordAttempt,
} from '../../db/repositories/webhooks/deliveries-repo.js';
import { updateSubscription } from '../../db/repositories/webhooks/subscriptions-repo.js';
import type { Database } from '../../db/schema.js';
import { decideAfterAttempt, outcomeOfStatus } from '../../domain/webhooks/retry-schedule.js';
import { systemActor } from '../access/actors.js';
import type { AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { postWebhook } from './post-webhook.js';
import { signMessage, webhookTimestamp } from './webhook-secret.js';
import { targetRulesOf, type WorkerSettings } from './webhook-settings.js';

export interface DeliveryRound {
  claimed: number;
  delivered: number;
  retrying: number;
  dead: number;
  /** Attempts whose claim had lapsed when they ended (another worker took over): logged, not applied. */
  lapsed: number;
}

/** The body exactly as sent and signed: `{ type, timestamp, data }` in that order. */
function bodyOf(payload: unknown): string {
  const { type, timestamp, data } = payload as { type: string; timestamp: string; data: unknown };
  return JSON.stringify({ type, timestamp, data });
}

/** A 410 Gone: the receiver wants no more; the subscription is disabled, audited as the worker's doing. */
async function disableGone(trx: Kysely<Database>, subscriptionId: string, at: Date) {
  await updateSubscription(trx, subscriptionId, { active: false, disabledReason: 'gone' }, at);
  await recordEvent(trx, systemActor('webhook-worker'), at, {
    entityType: 'webhook_subscription',
    entityId: subscriptionId,
    action: 'webhook_subscription.disabled',
    after: { active: false, disabledReason: 'gone' },
  });
}

async function attempt(
  context: AppContext,
  settings: WorkerSettings,
  delivery: ClaimedDelivery,
  random: () => number,
) {
  const startedAt = context.now();
  const body = bodyOf(delivery.payload);
  const result = await postWebhook({
    url: delivery.url,
    body,
    timeoutMs: settings.timeoutMs,
    rules: targetRulesOf(context),
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Closepath-Webhooks/1',
      'webhook-id': delivery.id,
      'webhook-timestamp': webhookTimestamp(startedAt),
      'webhook-signature': signMessage(delivery.secrets, { id: delivery.id, at: startedAt, body }),
    },
  });
  const at = context.now();
  const decision = decideAfterAttempt(
    outcomeOfStatus(result.status),
    delivery.attemptsInBudget,
    at,
    random(),
  );
  const end: DeliveryEnd = decision.status === 'delivered' ? { status: 'delivered', at } : decision;
  const record = {
    deliveryId: delivery.id,
    attempt: delivery.attempt,
    startedAt,
    durationMs: result.durationMs,
    httpStatus: result.status,
    error: result.error,
    responseSnippet: result.responseSnippet,
  };
  const held = await context.db.transaction().execute(async (trx) => {
    const stillHeld = await recordAttempt(trx, record, end, at);
    if (stillHeld && decision.status === 'dead' && decision.disableSubscription) {
      await disableGone(trx, delivery.subscriptionId, at);
    }
    return stillHeld;
  });
  return held ? decision.status : 'lapsed';
}

/**
 * Claims the due deliveries (FOR UPDATE SKIP LOCKED, leased), sends them at once, and records each attempt
 * with its outcome: delivered, pending until the next retry, or dead. `random` is the retry jitter's source.
 */
export async function deliverDue(
  context: AppContext,
  settings: WorkerSettings,
  random: () => number = Math.random,
): Promise<DeliveryRound> {
  const now = context.now();
  const claimed = await claimDueDeliveries(context.db, {
    now,
    leaseUntil: new Date(now.getTime() + settings.leaseMs),
    limit: settings.batchSize,
  });
  const outcomes = await Promise.all(claimed.map((delivery) => attempt(context, settings, delivery, random)));
  const count = (status: string) => outcomes.filter((outcome) => outcome === status).length;
  return {
    claimed: claimed.length,
    delivered: count('delivered'),
    retrying: count('pending'),
    dead: count('dead'),
    lapsed: count('lapsed'),
  };
}
