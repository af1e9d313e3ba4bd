import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open-app.js';
import { runCli } from '../support/cli-server.js';
import { buildAccount, buildOpportunity, buildUser } from '../support/factories.js';

let dir: string;
let dataDir: string;
const ids: string[] = [];
const YESTERDAY = new Date(Date.now() - 86_400_000 * 2);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'closepath-inspection-cli-'));
  dataDir = path.join(dir, 'data');
  const app = await openApp({ dataDir });
  const owner = await buildUser(app.context.db, { role: 'ae', region: 'emea' });
  const account = await buildAccount(app.context.db, { ownerId: owner.id });
  for (let index = 0; index < 3; index++) {
    ids.push((await buildOpportunity(app.context, { ownerId: owner.id, accountId: account.id })).id);
  }
  // One deal lost its row, the two others were computed two days ago.
  await app.context.db
    .deleteFrom('deal_inspections')
    .where('opportunity_id', '=', ids[0] ?? '')
    .execute();
  await app.context.db.updateTable('deal_inspections').set({ computed_at: YESTERDAY }).execute();
  await app.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const stored = async () => {
  const app = await openApp({ dataDir });
  try {
    return await app.context.db
      .selectFrom('deal_inspections')
      .select(['opportunity_id', 'computed_at'])
      .execute();
  } finally {
    await app.close();
  }
};

describe('closepath inspection refresh', { timeout: 120_000 }, () => {
  it('refreshes the rows computed before today and adds the missing ones, with progress on stderr', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const first = await runCli(['inspection', 'refresh', '--batch', '1'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('closepath: inspection refresh: 2 refreshed, 1 added');
    expect(first.stderr.split('\n').filter((line) => line.startsWith('closepath: inspection:'))).toHaveLength(
      3,
    );
    const rows = await stored();
    expect(rows.map((row) => row.opportunity_id).sort()).toEqual([...ids].sort());
    for (const row of rows) expect(row.computed_at.getTime()).toBeGreaterThan(YESTERDAY.getTime());

    const again = await runCli(['inspection', 'refresh'], env);
    expect(again.stdout).toContain('0 refreshed, 0 added');
    const all = await runCli(['inspection', 'refresh', '--all'], env);
    expect(all.stdout).toContain('3 refreshed, 0 added');
  });

  it('refuses a batch size that is not a positive number, naming the option', async () => {
    const result = await runCli(['inspection', 'refresh', '--batch', '0'], {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('batch:');
  });
});
