import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/db/repositories/users-repo.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let admin: ApiClient;
let finance: ApiClient;
let aeClient: ApiClient;
let ada: User;
let ben: User;

const HEADER = 'OwnerEmail,Period,PeriodStart,Amount';
const csvOf = (...lines: string[]) => [HEADER, ...lines].join('\n');
const quotaCount = async () =>
  Number(
    (
      await api.database.db
        .selectFrom('quotas')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const quotaAudits = async () =>
  (await api.database.db.selectFrom('events').select('action').where('action', '=', 'quota.set').execute())
    .length;

beforeAll(async () => {
  api = await openTestApi();
  const db = api.database.db;
  ada = await buildUser(db, { role: 'ae', region: 'emea', name: 'Ada AE', email: 'ada.ae@example.com' });
  ben = await buildUser(db, { role: 'ae', region: 'emea', name: 'Ben AE', email: 'ben.ae@example.com' });
  aeClient = await signIn(api.app, ada);
  admin = await signIn(api.app, await buildUser(db, { role: 'revops_admin', region: null }));
  finance = await signIn(api.app, await buildUser(db, { role: 'vp_finance', region: null }));
});
afterAll(() => api.close());

describe('importing quotas from CSV', () => {
  it('reports every bad line by number and column and writes nothing', async () => {
    const answer = await admin.call('POST', '/api/v1/quotas/import', {
      csv: csvOf(
        'ada.ae@example.com,quarter,2026-02-01,250000',
        'nobody@example.com,quarter,2026-02-01,1',
        'ben.ae@example.com,quarter,2026-03-01,-5',
        'ADA.AE@example.com,quarter,2026-02-01,9',
      ),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: 'body.csv', message: 'line 3, OwnerEmail: no user has the e-mail nobody@example.com' },
      {
        path: 'body.csv',
        message: 'line 4, PeriodStart: 2026-03-01 is not the first day of a quarter of the fiscal calendar',
      },
      { path: 'body.csv', message: 'line 4, Amount: must be a non-negative decimal number, e.g. 12500.00' },
      { path: 'body.csv', message: 'line 5: the same owner and period as line 2' },
    ]);
    expect(await quotaCount()).toBe(0);
    expect(await quotaAudits()).toBe(0);
  });

  it('sets every line once all are good, each audited, and a re-import updates them', async () => {
    const first = await admin.call('POST', '/api/v1/quotas/import', {
      // As a spreadsheet saves it: a byte-order mark, CRLF line ends, a quoted amount with thousands separators.
      csv: `\uFEFF${HEADER}\r\nada.ae@example.com,quarter,2026-02-01,250000.50\r\nBen.AE@example.com,fiscal_year,2026-02-01,"1,000,000"\r\n`,
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ updated: 2, owners: 2 });
    const again = await finance.call('POST', '/api/v1/quotas/import', {
      csv: csvOf('ada.ae@example.com,quarter,2026-02-01,300000'),
    });
    expect(again.body).toEqual({ updated: 1, owners: 1 });
    const quarters = await admin.call('GET', '/api/v1/quotas?period=quarter&from=2026-02-01&to=2026-04-30');
    expect(quarters.body.items).toMatchObject([{ ownerId: ada.id, amountMinor: 30_000_000, version: 2 }]);
    const years = await admin.call('GET', '/api/v1/quotas?period=fiscal_year&from=2026-02-01&to=2027-01-31');
    expect(years.body.items).toMatchObject([{ ownerId: ben.id, amountMinor: 100_000_000 }]);
    expect(await quotaAudits()).toBe(3);
  });

  it('refuses a header without the columns, a file without lines, and callers without the right', async () => {
    const header = await admin.call('POST', '/api/v1/quotas/import', { csv: 'Email,Amount\na@b.c,1' });
    expect(header.body.errors).toEqual([
      { path: 'body.csv', message: 'line 1: the header lacks the column(s) OwnerEmail, Period, PeriodStart' },
    ]);
    const empty = await admin.call('POST', '/api/v1/quotas/import', { csv: `${HEADER}\n` });
    expect(empty.body.errors).toEqual([
      { path: 'body.csv', message: 'the file has a header but no quota lines' },
    ]);
    const unreadable = await admin.call('POST', '/api/v1/quotas/import', {
      csv: csvOf('ada.ae@example.com,quarter,2026-02-01,1', '"ben.ae@example.com,quarter,2026-02-01,1'),
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.errors[0].message).toMatch(/^line \d+: not readable as CSV/);
    const missing = await admin.call('POST', '/api/v1/quotas/import', {});
    expect(missing.body.errors[0].path).toBe('body.csv');
    const refused = await aeClient.call('POST', '/api/v1/quotas/import', {
      csv: csvOf('ada.ae@example.com,quarter,2026-02-01,1'),
    });
    expect(refused.status).toBe(403);
    expect(await quotaAudits()).toBe(3);
  });
  it('answers odd files with a 400 at body.csv, never a 5xx', async () => {
    const odd = [
      '"',
      '\u0000',
      ' ',
      'OwnerEmail,OwnerEmail,Period,PeriodStart,Amount\na,b,c,d,e',
      `${HEADER}\n"unclosed`,
      `${HEADER}\n,,,,,,,,\n\n\n`,
      `${HEADER}\n__proto__,constructor,toString,1e5`,
      `${HEADER}\nada.ae@example.com,quarter,2026-02-01,99999999999999999999`,
    ];
    for (const csv of odd) {
      const answer = await admin.call('POST', '/api/v1/quotas/import', { csv });
      expect(answer.status, JSON.stringify(csv)).toBe(400);
      expect(answer.body.errors.every((e: { path: string }) => e.path === 'body.csv')).toBe(true);
    }
    expect(await quotaAudits()).toBe(3);
  });
});
