import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeParsers } from '../type-parsers.js';
import { type OpenedPglite, openPglite } from './open-pglite.js';
import { serializeError } from './serialize-error.js';
import { createStatementRunner, MAX_PREPARED_STATEMENTS } from './statement-runner.js';

// Through the real worker: DML statements are kept as named prepared statements, and nothing kept may
// survive a schema change (a kept `select *` would otherwise fail with "cached plan must not change result
// type", or answer with the columns of a schema a rollback has undone).

let database: OpenedPglite;
// biome-ignore lint/suspicious/noExplicitAny: raw statements on throwaway tables
let db: Kysely<any>;
beforeAll(async () => {
  database = await openPglite();
  db = database.db;
});
afterAll(() => database?.close());

const run = async (sql: string, params: unknown[] = []) =>
  (await db.executeQuery(CompiledQuery.raw(sql, params))).rows as Record<string, unknown>[];

const keptStatements = async () =>
  Number((await run('select count(*)::int as n from pg_prepared_statements'))[0]?.n);

describe('the PGlite statement runner', () => {
  it('keeps a DML statement prepared and reuses it with other parameters', async () => {
    await run('create table kept (id int primary key, label text)');
    const before = await keptStatements();
    await run('insert into kept (id, label) values ($1, $2)', [1, 'one']);
    await run('insert into kept (id, label) values ($1, $2)', [2, 'two']);
    expect(await run('select label from kept where id = $1', [2])).toEqual([{ label: 'two' }]);
    expect(await run('select label from kept where id = $1', [1])).toEqual([{ label: 'one' }]);
    // the insert and the select (the count was kept by the first call)
    expect((await keptStatements()) - before).toBe(2);
  });

  it('serializes parameters by the described type, as pglite.query does', async () => {
    await run(
      `create table typed (at timestamptz, day date, doc jsonb, flag boolean, big int8, tags text[], note text)`,
    );
    const at = new Date('2024-01-02T03:04:05.678Z');
    await run('insert into typed values ($1, $2, $3, $4, $5, $6, $7)', [
      at,
      '2024-02-29',
      JSON.stringify({ a: [1, 'x'] }),
      true,
      9_007_199_254_740_991,
      ['a', 'b,c', null],
      undefined,
    ]);
    expect(await run('select * from typed')).toEqual([
      {
        at,
        day: '2024-02-29',
        doc: { a: [1, 'x'] },
        flag: true,
        big: 9_007_199_254_740_991,
        tags: ['a', 'b,c', null],
        note: null,
      },
    ]);
  });

  it('answers a schema change with the new columns, also for a statement kept before it', async () => {
    await run('create table changing (id int)');
    await run('insert into changing values (1)');
    expect(await run('select * from changing')).toEqual([{ id: 1 }]);
    await run('alter table changing add column label text');
    expect(await run('select * from changing')).toEqual([{ id: 1, label: null }]);
  });

  it('forgets what was prepared on a schema a rollback (or a rollback to a savepoint) undid', async () => {
    await run('create table undone (id int)');
    await run('insert into undone values (1)');
    for (const [open, undo] of [
      ['start transaction', 'rollback'],
      ['savepoint before_change', 'rollback to savepoint before_change'],
    ] as const) {
      if (open.startsWith('savepoint')) await run('start transaction');
      await run(open);
      await run('alter table undone add column extra text');
      expect(await run('select * from undone')).toEqual([{ id: 1, extra: null }]);
      await run(undo);
      expect(await run('select * from undone')).toEqual([{ id: 1 }]);
      if (open.startsWith('savepoint')) await run('commit');
    }
  });

  it('reports errors as before and keeps working after them, inside a transaction too', async () => {
    await run('create table unique_ids (id int primary key)');
    await run('insert into unique_ids values ($1)', [1]);
    await expect(run('insert into unique_ids values ($1)', [1])).rejects.toMatchObject({ code: '23505' });
    await run('start transaction');
    await expect(run('insert into unique_ids values ($1)', [1])).rejects.toMatchObject({ code: '23505' });
    await expect(run('select * from unique_ids where id = $1', [1])).rejects.toMatchObject({ code: '25P02' });
    await run('rollback');
    await expect(run('select * from no_such_table')).rejects.toMatchObject({ code: '42P01' });
    await expect(run('selec 1')).rejects.toMatchObject({ code: '42601' });
    expect(await run('select * from unique_ids where id = $1', [1])).toEqual([{ id: 1 }]);
  });

  it('keeps at most MAX_PREPARED_STATEMENTS, closing the least recently used', async () => {
    for (let index = 0; index < MAX_PREPARED_STATEMENTS + 20; index++) {
      expect(await run(`select ${index}::int as n where $1::int = 1`, [1])).toEqual([{ n: index }]);
    }
    expect(await keptStatements()).toBe(MAX_PREPARED_STATEMENTS);
    expect(await run('select 0::int as n where $1::int = 1', [1])).toEqual([{ n: 0 }]);
  });
});

describe('the statement runner and pglite.query', () => {
  let pglite: PGlite;
  let runner: ReturnType<typeof createStatementRunner>;
  beforeAll(async () => {
    pglite = await PGlite.create({ parsers: { ...typeParsers } });
    runner = createStatementRunner(pglite);
    await pglite.exec(`create table same (id int primary key, label text, at timestamptz, doc jsonb,
      day date, big int8, tags text[], ok boolean, amount numeric);
      insert into same (id, label) select g, repeat('abc', 50) from generate_series(2, 3000) g;`);
  });
  afterAll(() => pglite?.close());

  type Run = (sql: string, params: unknown[]) => Promise<unknown>;
  const viaQuery: Run = async (sql, params) => {
    const result = await pglite.query(sql, params, { rowMode: 'object' });
    return { rows: result.rows, command: result.command, rowCount: result.rowCount };
  };
  /** Runs `sql` in a transaction rolled back after it: each side sees the same database. */
  const outcome = async (run: Run, sql: string, params: unknown[]) => {
    await run('start transaction', []);
    try {
      return { result: await run(sql, params) };
    } catch (error) {
      // what crosses to the main thread (query, params and the stack stay behind)
      const { stack: _stack, ...rest } = serializeError(error);
      return { error: rest };
    } finally {
      await run('rollback', []);
    }
  };

  const cases: Array<[string, unknown[]]> = [
    [
      'insert into same values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *',
      [
        1,
        '\uFEFFbom, é, 𝄞',
        new Date('2024-01-02T03:04:05.678Z'),
        '{"a":[1,null]}',
        '2024-02-29',
        2 ** 53 - 1,
        ['x', null, 'y,z'],
        false,
        '1.50',
      ],
    ],
    ['select * from same order by id', []],
    ['select id, label as "__proto__", id as dup, label as dup from same where id = $1', [2]],
    ['update same set label = $1 where id > $2', ['changed', 2990]],
    ['delete from same where id > $1 returning id', [2995]],
    ['insert into same (id) values ($1), ($2)', [5000, 5001]],
    [
      'select count(*) as n, sum(big) as total, $$2024-01-01 10:00+02$$::timestamptz as at from same where $1',
      [true],
    ],
    ['select $1::text as untyped, $2::int4[] as ints, $3::timestamptz as at', ['x', [1, 2], new Date(0)]],
    ['select 1 where false', []],
    ["do $$ begin raise notice 'hello'; end $$", []],
    ['set time zone $$UTC$$', []],
    ['create index same_label_idx on same (label)', []],
    ['insert into same (id) values ($1)', [2]],
    ['insert into same (id, ok) values ($1, $2)', [1, 'not a boolean']],
    ['select * from missing_table where id = $1', [1]],
    ['select nonsense from same', []],
    ['selec 1', []],
  ];

  it('answers each statement with the same result, or the same error', async () => {
    for (const [sql, params] of cases) {
      const expected = await outcome(viaQuery, sql, params);
      const actual = await outcome(runner.query, sql, params);
      expect(actual, sql).toStrictEqual(expected);
    }
  });
});
