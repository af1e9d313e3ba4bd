import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open-app.js';
import { runCli } from '../support/cli-server.js';
import { buildAccount, buildOpportunity, buildUser } from '../support/factories.js';

let dir: string;
let env: Record<string, string>;
let dealId: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'closepath-export-cli-'));
  const dataDir = path.join(dir, 'data');
  env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  const app = await openApp({ dataDir });
  const owner = await buildUser(app.context.db, { role: 'ae', region: 'americas' });
  const account = await buildAccount(app.context.db, { ownerId: owner.id, name: '=cmd|calc' });
  dealId = (await buildOpportunity(app.context, { accountId: account.id, ownerId: owner.id })).id;
  await app.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const rows = (text: string): Array<Record<string, string>> => parse(text, { columns: true });

describe('closepath export', { timeout: 120_000 }, () => {
  it('writes the opportunities to standard output and the history to a file, guarded', async () => {
    const deals = await runCli(['export', 'opportunities'], env);
    expect(deals.stderr).toBe('');
    expect(rows(deals.stdout)).toEqual([expect.objectContaining({ Id: dealId, AccountName: "'=cmd|calc" })]);
    const file = path.join(dir, 'history.csv');
    const history = await runCli(['export', 'history', '--opportunity-id', dealId, '--out', file], env);
    expect(history.stderr).toContain(`wrote ${file}`);
    expect(rows(await readFile(file, 'utf8')).map((row) => [row.OpportunityId, row.Kind])).toEqual([
      [dealId, 'create'],
    ]);
  });

  it('names a bad option and an unknown export', async () => {
    const bad = await runCli(['export', 'forecast', '--period', 'week', '--from', '2027-02-01'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--period:');
    expect(bad.stderr).toContain('--to:');
    const other = await runCli(['export', 'history', '--stage', 'discover'], env);
    expect(other.stderr).toContain('history takes no --stage');
    expect((await runCli(['export', 'users'], env)).stderr).toContain(
      '<what>: one of accounts, opportunities',
    );
  });
});
