import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open-app.js';
import { listQuotas } from '../../src/db/repositories/forecast-settings-repo.js';
import { runCli } from '../support/cli-server.js';
import { buildUser } from '../support/factories.js';

let dir: string;
let dataDir: string;
let env: Record<string, string>;
let ownerId: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'closepath-quotas-cli-'));
  dataDir = path.join(dir, 'data');
  env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  const app = await openApp({ dataDir });
  ownerId = (await buildUser(app.context.db, { role: 'ae', region: 'emea', email: 'ada@example.com' })).id;
  await app.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const quotasNow = async () => {
  const app = await openApp({ dataDir });
  try {
    return await listQuotas(app.context.db, 'quarter', '2026-01-01', '2026-12-31');
  } finally {
    await app.close();
  }
};

describe('closepath quotas import', { timeout: 120_000 }, () => {
  it('prints every bad line and imports nothing, then imports the fixed file', async () => {
    const file = path.join(dir, 'quotas.csv');
    await writeFile(file, 'OwnerEmail,Period,PeriodStart,Amount\nada@example.com,quarter,2026-02-01,12x\n');
    const refused = await runCli(['quotas', 'import', file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file}: line 2, Amount: must be a non-negative decimal number`);
    expect(await quotasNow()).toEqual([]);
    await writeFile(
      file,
      'OwnerEmail,Period,PeriodStart,Amount\nada@example.com,quarter,2026-02-01,125000\n',
    );
    const done = await runCli(['quotas', 'import', file], env);
    expect(done.stdout).toContain(`${file}: 1 quota(s) set for 1 owner(s)`);
    expect(await quotasNow()).toMatchObject([
      { ownerId, periodStart: '2026-02-01', amountMinor: 12_500_000 },
    ]);
  });
});
