import {
  claimOutboxBatch,
  insertDeliveries,
  markFannedOut,
  type OutboxMessage,
} from '../../db/repositories/webhooks/fan-out-repo.js';
import { listActiveSubscriptions } from '../../db/repositories/webhooks/subscriptions-repo.js';
import { planFanOut } from '../../domain/webhooks/event-types.js';
import type { AppContext } from '../context.js';

/** The body every receiver gets: `{ type, timestamp, data }` (data: the outbox message's payload). */
export const messageBody = (message: OutboxMessage) => ({
  type: message.topic,
  timestamp: message.createdAt.toISOString(),
  data: message.payload,
});

/**
 * Turns up to `batchSize` new outbox messages into deliveries, in one transaction: claim the messages (rows
 * another process holds are skipped), match them against the active subscriptions (pure), insert the
 * deliveries, mark the messages fanned out. Answers how many messages and deliveries it made.
 */
export async function fanOutOutbox(context: AppContext, batchSize: number) {
  return context.db.transaction().execute(async (trx) => {
    const messages = await claimOutboxBatch(trx, batchSize);
    if (messages.length === 0) return { messages: 0, deliveries: 0 };
    const subscriptions = await listActiveSubscriptions(trx);
    const byId = new Map(messages.map((message) => [message.outboxId, message]));
    const deliveries = planFanOut(messages, subscriptions).flatMap(({ outboxId, subscriptionId }) => {
      const message = byId.get(outboxId);
      if (!message) return [];
      return [
        {
          id: context.newId('msg'),
          subscriptionId,
          outboxId,
          eventType: message.topic,
          payload: messageBody(message),
        },
      ];
    });
    const at = context.now();
    await insertDeliveries(trx, deliveries, at);
    await markFannedOut(
      trx,
      messages.map((message) => message.outboxId),
      at,
    );
    return { messages: messages.length, deliveries: deliveries.length };
  });
}
