import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccountRow, insertOpportunityRow, insertUserRow } from '../../test/support/db-rows.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { runRawSql } from './run-raw-sql.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('runtime types are the same on both engines', () => {
  it('reads int8 as number, date as YYYY-MM-DD, timestamptz as Date, jsonb as the parsed value', async () => {
    const [row] = await runRawSql(
      database.db,
      `select 9007199254740991::int8 as big, 42::int4 as int4, 7::int2 as int2,
              '2024-02-29'::date as day, '2024-01-02 03:04:05.123456+05'::timestamptz as at,
              '{"a":[1,"x",null,{"b":true}]}'::jsonb as doc, '[1,2]'::json as list,
              count(*) as counted, 1.50::numeric as decimal`,
    );
    expect(row).toStrictEqual({
      big: 9_007_199_254_740_991,
      int4: 42,
      int2: 7,
      day: '2024-02-29',
      at: new Date('2024-01-01T22:04:05.123Z'),
      doc: { a: [1, 'x', null, { b: true }] },
      list: [1, 2],
      counted: 1,
      decimal: '1.50',
    });
  });

  it('reads arrays of int8, date and timestamptz element by element', async () => {
    const [row] = await runRawSql(
      database.db,
      `select array[1, 2]::int8[] as ids, array['2024-01-31', null]::date[] as days,
              array['2024-01-02T00:00:00Z']::timestamptz[] as instants`,
    );
    expect(row).toStrictEqual({
      ids: [1, 2],
      days: ['2024-01-31', null],
      instants: [new Date('2024-01-02T00:00:00Z')],
    });
  });

  it('refuses an int8 beyond Number.MAX_SAFE_INTEGER instead of rounding it', async () => {
    await expect(runRawSql(database.db, 'select 9007199254740993::int8 as big')).rejects.toThrow(
      /safe integer/,
    );
  });

  it('runs the session in UTC', async () => {
    const [row] = await runRawSql<{ zone: string }>(
      database.db,
      `select current_setting('TimeZone') as zone`,
    );
    expect(row?.zone).toBe('UTC');
  });

  it('round-trips table columns written through the query builder', async () => {
    const owner = await insertUserRow(database.db);
    const account = await insertAccountRow(database.db, { owner_id: owner.id });
    const stageEnteredAt = new Date('2026-03-01T12:34:56.789Z');
    const opportunity = await insertOpportunityRow(
      database.db,
      { accountId: account.id, ownerId: owner.id },
      { amount_minor: 9_007_199_254_740_991, close_date: '2024-02-29', stage_entered_at: stageEnteredAt },
    );
    const stored = await database.db
      .selectFrom('opportunities')
      .select(['amount_minor', 'close_date', 'stage_entered_at', 'probability', 'version', 'closed_at'])
      .where('id', '=', opportunity.id)
      .executeTakeFirstOrThrow();
    expect(stored).toStrictEqual({
      amount_minor: 9_007_199_254_740_991,
      close_date: '2024-02-29',
      stage_entered_at: stageEnteredAt,
      probability: 10,
      version: 1,
      closed_at: null,
    });
  });

  it('writes jsonb as JSON text and reads it back parsed, including top-level arrays and strings', async () => {
    const values = [{ a: { b: [1, 2] } }, [1, 'two', null], 'plain string', 12.5, null];
    for (const value of values) {
      const { id } = await database.db
        .insertInto('events')
        .values({
          occurred_at: new Date('2026-01-01T00:00:00Z'),
          actor_id: 'tester',
          entity_type: 'account',
          entity_id: 'acct_1',
          action: 'test',
          after: JSON.stringify(value),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(typeof id).toBe('number');
      const row = await database.db
        .selectFrom('events')
        .select('after')
        .where('id', '=', id)
        .executeTakeFirst();
      expect(row?.after).toStrictEqual(value);
    }
  });

  it('binds parameters of every kind the same way', async () => {
    const at = new Date('2026-05-06T07:08:09.010Z');
    const result = await sql<{
      n: number;
      day: string;
      at: Date;
      flag: boolean;
      ids: string[];
      text: string;
    }>`
      select ${41}::int8 + 1 as n, ${'2026-05-06'}::date as day, ${at}::timestamptz as at,
             ${true}::boolean as flag, ${['a', 'b']}::text[] as ids, ${"it's"} as text`.execute(database.db);
    expect(result.rows).toStrictEqual([
      { n: 42, day: '2026-05-06', at, flag: true, ids: ['a', 'b'], text: "it's" },
    ]);
  });
});
