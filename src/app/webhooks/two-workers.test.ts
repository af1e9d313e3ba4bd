import { describe, expect, it } from 'vitest';
import { testContext } from '../../../test/support/factories.js';
import {
  openWebhookTestbed,
  subscribe,
  TEST_WORKER,
  writeOutboxEvents,
} from '../../../test/support/webhook-fixtures.js';
import { runWebhookRound } from './webhook-worker.js';

const bed = openWebhookTestbed();

const MESSAGES = 300;

/**
 * Two workers on one database (on PostgreSQL each transaction takes its own pooled connection, so their claims
 * really race; on PGlite the single connection serialises them): no message is ever in flight twice, none is
 * sent twice, none is left.
 */
describe('two webhook workers on one database', () => {
  it('never deliver one message at the same time, and deliver each exactly once without a crash', async () => {
    const { context } = testContext(bed.database.db, new Date());
    await subscribe(context, bed.receiver.url, ['account.updated']);
    await subscribe(context, bed.receiver.url, ['account.updated']);
    await writeOutboxEvents(bed.database.db, context.now(), MESSAGES);
    // A slow receiver widens the window in which a second claim of the same row would show.
    bed.receiver.respond = () => new Promise((resolve) => setTimeout(() => resolve(200), 2));
    const settings = { ...TEST_WORKER, batchSize: 8, fanOutBatchSize: 50 };
    const work = async () => {
      for (let idle = 0; idle < 3; ) {
        const round = await runWebhookRound(context, settings);
        idle = round.claimed === 0 && round.messages === 0 ? idle + 1 : 0;
      }
    };
    await Promise.all([work(), work()]);
    const ids = bed.receiver.received.map((message) => message.id);
    expect(bed.receiver.overlapping).toEqual([]);
    expect(ids).toHaveLength(2 * MESSAGES);
    expect(new Set(ids).size).toBe(2 * MESSAGES);
    const left = await bed.database.db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '<>', 'delivered')
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    const fannedOutTwice = await bed.database.db
      .selectFrom('webhook_deliveries')
      .select(['outbox_id', 'subscription_id'])
      .groupBy(['outbox_id', 'subscription_id'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(fannedOutTwice).toEqual([]);
  });
});
