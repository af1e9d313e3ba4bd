import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccountRow, insertUserRow } from '../../test/support/db-rows.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { hasSqlState, readDatabaseError, SQLSTATE } from './database-error.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

async function caught(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe('database errors carry PostgreSQL error fields on both engines', () => {
  it('reports a unique violation as 23505 with its constraint, table and detail', async () => {
    const user = await insertUserRow(database.db, { email: 'taken@example.com' });
    const error = await caught(insertUserRow(database.db, { email: user.email }));
    expect(error).toBeInstanceOf(Error);
    expect(hasSqlState(error, SQLSTATE.uniqueViolation)).toBe(true);
    expect(readDatabaseError(error)).toStrictEqual({
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
      column: undefined,
      detail: 'Key (email)=(taken@example.com) already exists.',
    });
    expect((error as Error).message).toBe('duplicate key value violates unique constraint "users_email_key"');
  });

  it.each([
    ['a missing foreign key', SQLSTATE.foreignKeyViolation, { owner_id: 'nobody' }, 'accounts_owner_id_fkey'],
    ['a failed check', SQLSTATE.checkViolation, { segment: 'galactic' as 'smb' }, 'accounts_segment_check'],
  ])('reports %s as %s with the constraint', async (_case, code, overrides, constraint) => {
    const error = await caught(insertAccountRow(database.db, overrides));
    expect(readDatabaseError(error)).toMatchObject({ code, constraint, table: 'accounts' });
  });

  it('reports a not-null violation with its column', async () => {
    const error = await caught(insertAccountRow(database.db, { name: null as unknown as string }));
    expect(readDatabaseError(error)).toMatchObject({ code: SQLSTATE.notNullViolation, column: 'name' });
  });

  it('keeps the caller in the stack trace', async () => {
    const error = await caught(insertUserRow(database.db, { role: 'pilot' as 'ae' }));
    expect((error as Error).stack).toContain('database-error.test.ts');
  });

  it('ignores errors that are not from the database', () => {
    const fsError = Object.assign(new Error('no such file'), { code: 'ENOENT' });
    expect(readDatabaseError(fsError)).toBeUndefined();
    expect(readDatabaseError('23505')).toBeUndefined();
  });
});
