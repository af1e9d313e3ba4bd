import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open-app.js';
import { runCli } from '../support/cli-server.js';
import { buildAccount, buildOpportunity, buildUser } from '../support/factories.js';
import { withoutPropose } from '../support/playbook-candidates.js';

const closepath = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { DATABASE_URL: '', PORT: '0', ...env });

let dir: string;
let dataDir: string;
let removed: string;
let mapped: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'closepath-playbook-cli-'));
  dataDir = path.join(dir, 'data');
  // The shipped playbook becomes version 1; three deals sit in Propose (moved there as fixture setup).
  const app = await openApp({ dataDir });
  const owner = await buildUser(app.context.db);
  const account = await buildAccount(app.context.db);
  for (let index = 0; index < 3; index++)
    await buildOpportunity(app.context, { ownerId: owner.id, accountId: account.id });
  await app.context.db
    .updateTable('opportunities')
    .set({ stage: 'propose', probability: 50, forecast_category: 'best_case' })
    .execute();
  await app.close();
  removed = path.join(dir, 'removed.yaml');
  mapped = path.join(dir, 'mapped.yaml');
  await writeFile(removed, withoutPropose());
  await writeFile(mapped, withoutPropose({ stages: { new_business: { propose: 'negotiate' } } }));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('playbook changes from the command line', { timeout: 180_000 }, () => {
  it('diff --current previews a removed stage: the diff, and the refusal with counts', async () => {
    const result = await closepath(['playbook', 'diff', '--current', removed], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('(version 1 in force)');
    expect(result.stdout).toContain('- new_business/propose (Propose) removed');
    expect(result.stdout).toContain('REFUSED');
    expect(result.stdout).toContain(
      'stage `propose` of pipeline `new_business` is removed but 3 opportunities are in it; map it with `mappings.stages.new_business`',
    );
  });

  it('the server refuses to start with it, saying why (before: it started, and those deals answered 500)', async () => {
    const result = await closepath(['serve'], { DATA_DIR: dataDir, PLAYBOOK_FILE: removed });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not fit the records in this database');
    expect(result.stderr).toContain('3 opportunities are in it');
    const check = await closepath(['playbook', 'check', removed], { DATA_DIR: dataDir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('REFUSED');
  });

  it('with a mapping the diff shows the moves, and the next start applies them', async () => {
    const preview = await closepath(['playbook', 'diff', '--current', mapped], { DATA_DIR: dataDir });
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('~ new_business/propose (Propose) mapped → negotiate');
    expect(preview.stdout).toContain('accepted: 3 deal(s) move');
    expect(preview.stdout).toContain(
      '3 × new_business new_business/propose (50%) → new_business new_business/negotiate',
    );
    expect((await closepath(['migrate'], { DATA_DIR: dataDir, PLAYBOOK_FILE: mapped })).code).toBe(0);
    const after = await closepath(['playbook', 'diff', '--current', mapped], { DATA_DIR: dataDir });
    expect(after.stdout).toContain('(version 2 in force)');
    expect(after.stdout).toContain('No stage, probability');
  });

  it('diff OLD NEW compares two files without a database', async () => {
    const result = await closepath(['playbook', 'diff', 'playbooks/firebolt.yaml', removed], {
      DATA_DIR: path.join(dir, 'none'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('- new_business/propose (Propose) removed');
    expect(result.stdout).toMatch(/- new_business\/propose exit nb_\w+:/);
    expect(result.stdout).not.toContain('Against the records');
  });
});
