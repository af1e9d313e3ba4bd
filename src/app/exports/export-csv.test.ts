import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actor,
  buildAccount,
  buildOpportunity,
  buildUser,
  testContext,
} from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { guardCell } from '../../domain/exports/formula-guard.js';
import { exportCsv } from './export-csv.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the formula-injection guard', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("http://x","y")'])(
    'prefixes %j with a single quote',
    (cell) => {
      expect(guardCell(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['Acme', '', ' =leading space', "'quoted", '1-2', 'a=b'])('leaves %j as it is', (cell) => {
    expect(guardCell(cell)).toBe(cell);
  });
});

describe('CSV export', () => {
  it("writes only the caller's deals, with formula cells defused", async () => {
    const { context } = testContext(database.db);
    const me = await buildUser(database.db, { role: 'ae' });
    const other = await buildUser(database.db, { role: 'ae', region: 'emea' });
    const account = await buildAccount(database.db, { ownerId: me.id, name: '=cmd|/C calc!A0' });
    const mine = await buildOpportunity(context, {
      accountId: account.id,
      ownerId: me.id,
      name: '@SUM(1,2)',
    });
    const theirs = await buildOpportunity(context, { accountId: account.id, ownerId: other.id });
    const csv = await text(
      exportCsv(context, actor(me.id, { role: 'ae', region: 'americas' }), 'opportunities'),
    );
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.id)).toEqual([mine.id]);
    expect(rows[0]).toMatchObject({
      name: "'@SUM(1,2)",
      account_name: "'=cmd|/C calc!A0",
      owner_email: me.email,
    });
    expect(rows.map((row) => row.id)).not.toContain(theirs.id);
  });

  it('writes the header row when there is nothing to export', async () => {
    const { context } = testContext(database.db);
    const nobody = await buildUser(database.db, { role: 'ae' });
    const csv = await text(exportCsv(context, actor(nobody.id), 'history'));
    expect(csv.trim()).toBe(
      'id,opportunity_id,opportunity_name,from_stage,to_stage,kind,overridden,changed_by,changed_at',
    );
  });
});
