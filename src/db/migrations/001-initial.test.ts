import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { readDatabaseError } from '../database-error.js';

let database: TestDatabase;
let eventId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  ({ id: eventId } = await database.db
    .insertInto('events')
    .values({
      occurred_at: new Date('2026-01-01T00:00:00Z'),
      actor_id: 'user_1',
      entity_type: 'account',
      entity_id: 'acct_1',
      action: 'account.created',
      after: JSON.stringify({ name: 'Acme' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow());
});
afterAll(() => database?.close());

describe('events are append-only', () => {
  it('refuses UPDATE', async () => {
    const update = database.db
      .updateTable('events')
      .set({ action: 'forged' })
      .where('id', '=', eventId)
      .execute();
    await expect(update).rejects.toThrow('events are append-only (UPDATE refused)');
    await expect(update.catch(readDatabaseError)).resolves.toMatchObject({ code: 'P0001' });
  });

  it('refuses DELETE', async () => {
    const remove = database.db.deleteFrom('events').where('id', '=', eventId).execute();
    await expect(remove).rejects.toThrow('events are append-only (DELETE refused)');
  });

  it('still has the event, unchanged', async () => {
    const event = await database.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirst();
    expect(event).toMatchObject({ action: 'account.created', after: { name: 'Acme' }, before: null });
  });
});
