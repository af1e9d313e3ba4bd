import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open-app.js';
import { shiftDay } from '../../src/domain/contract/renewals-due.js';
import { runCli } from '../support/cli-server.js';
import { buildAccount, buildContract, buildUser } from '../support/factories.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'closepath-renewals-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('closepath renewals run', { timeout: 120_000 }, () => {
  it('opens the renewal of a contract ending within the lead days, once', async () => {
    const dataDir = path.join(dir, 'data');
    const app = await openApp({ dataDir });
    const today = new Date().toISOString().slice(0, 10);
    const owner = await buildUser(app.context.db, { role: 'ae', region: 'americas' });
    const account = await buildAccount(app.context.db, { ownerId: owner.id });
    const contract = await buildContract(app.context.db, account.id, {
      startDate: shiftDay(today, -300),
      endDate: shiftDay(today, 30),
    });
    await app.close();

    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const first = await runCli(['renewals', 'run'], env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('closepath: renewals: 1 created, 0 skipped (renewed already), 0 refused');
    const second = await runCli(['renewals', 'run'], env);
    expect(second.stdout).toContain('closepath: renewals: 0 created, 0 skipped (renewed already), 0 refused');

    const reopened = await openApp({ dataDir });
    const deals = await reopened.context.db
      .selectFrom('opportunities')
      .select(['owner_id', 'type', 'close_date'])
      .where('renews_contract_id', '=', contract.id)
      .execute();
    await reopened.close();
    expect(deals).toEqual([{ owner_id: owner.id, type: 'renewal', close_date: contract.endDate }]);
  });
});
