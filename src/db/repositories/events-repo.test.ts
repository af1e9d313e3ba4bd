import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { appendEvent } from './events-repo.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('appendEvent', () => {
  it('writes the event and its outbox message, which names the event', async () => {
    const occurredAt = new Date('2026-11-26T12:34:56.789Z');
    const id = await database.db.transaction().execute((trx) =>
      appendEvent(trx, {
        occurredAt,
        actorId: 'user_1',
        requestId: 'req-1',
        entityType: 'opportunity',
        entityId: 'opp_1',
        opportunityId: 'opp_1',
        action: 'opportunity.stage_changed',
        before: { stage: 'discover' },
        after: { stage: 'poc' },
        gate: null,
      }),
    );
    const event = await database.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    expect(event).toMatchObject({
      occurred_at: occurredAt,
      actor_id: 'user_1',
      request_id: 'req-1',
      entity_type: 'opportunity',
      entity_id: 'opp_1',
      opportunity_id: 'opp_1',
      action: 'opportunity.stage_changed',
      before: { stage: 'discover' },
      after: { stage: 'poc' },
      gate: null,
    });
    const outbox = await database.db.selectFrom('outbox').selectAll().where('event_id', '=', id).execute();
    expect(outbox).toEqual([
      {
        id: expect.any(Number),
        event_id: id,
        topic: 'opportunity.stage_changed',
        payload: {
          eventId: id,
          action: 'opportunity.stage_changed',
          entityType: 'opportunity',
          entityId: 'opp_1',
        },
        created_at: occurredAt,
        delivered_at: null,
      },
    ]);
  });
});
