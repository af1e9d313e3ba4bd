import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../src/app/demo/demo-people.js';
import { openApp } from '../../src/app/open-app.js';
import { insertUsers } from '../../src/db/repositories/users-repo.js';
import { runCli } from '../support/cli-server.js';
import { buildAccount, buildOpportunity, buildUser } from '../support/factories.js';
import { overlappingTerritoryModel } from '../support/territory-fixtures.js';

const closepath = (args: string[], env: Record<string, string> = {}) => runCli(args, env);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'closepath-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('closepath playbook check', { timeout: 120_000 }, () => {
  it('accepts the shipped playbook', async () => {
    const result = await closepath(['playbook', 'check', 'playbooks/firebolt.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /valid — 4 opportunity types; pipelines: New Business \(8 stages\), Renewal \(7 stages\)/,
    );
  });

  it('refuses a broken one with the file, path and reason, and a failing exit code', async () => {
    const file = path.join(dir, 'broken.yaml');
    const { readFile } = await import('node:fs/promises');
    const source = await readFile('playbooks/firebolt.yaml', 'utf8');
    await writeFile(file, source.replace('probability: 40', 'probability: 400'));
    const result = await closepath(['playbook', 'check', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}: pipelines[0].stages[2].probability:`);
  });
});

describe('closepath opportunity advance', { timeout: 120_000 }, () => {
  it('prints the same missing list as the API and changes nothing', async () => {
    const dataDir = path.join(dir, 'data');
    const app = await openApp({ dataDir });
    const owner = await buildUser(app.context.db);
    const account = await buildAccount(app.context.db);
    const deal = await buildOpportunity(app.context, { ownerId: owner.id, accountId: account.id });
    await app.close();

    const text = await closepath(['opportunity', 'advance', deal.id, 'discover'], {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/Discover is blocked: \d+ requirement\(s\) unmet/);
    expect(text.stderr).toMatch(
      /✗ criterion created exit\s+nb_call_notes: Call notes in Salesforce — No call or meeting logged on this deal yet\./,
    );

    const json = await closepath(['opportunity', 'advance', deal.id, 'discover', '--json'], {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    const refusal = JSON.parse(json.stdout);
    expect(refusal.code).toBe('gate_blocked');
    expect(refusal.missing).toContainEqual(
      expect.objectContaining({ kind: 'meddpicc', key: 'economic_buyer', stage: 'created' }),
    );

    const inspected = await closepath(['inspect', deal.id], { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toMatch(/health\s+\d+\/100 \((green|yellow|red)\)/);
    expect(inspected.stdout).toMatch(/velocity (Fast Track|Standard|At Risk|Recovery)/);
    expect(inspected.stdout).toContain(
      'high   Economic Buyer is unknown; leaving Opportunity Created needs it identified.',
    );

    const lost = await closepath(
      ['opportunity', 'advance', deal.id, 'closed_lost', '--loss-reason', 'budget'],
      { DATA_DIR: dataDir, DATABASE_URL: '' },
    );
    expect(lost.code).toBe(0);
    expect(lost.stdout).toContain(`${deal.id}: moved created → closed_lost (close_lost)`);
  });
});

describe('closepath opportunity create and activity log', { timeout: 180_000 }, () => {
  it('creates a deal through the type rule, logs a call on it and lists it', async () => {
    const dataDir = path.join(dir, 'data-create');
    const app = await openApp({ dataDir });
    const owner = await buildUser(app.context.db, { email: 'maya@example.com' });
    const account = await buildAccount(app.context.db);
    await app.close();
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const common = ['--account', account.id, '--amount', '125000', '--close-date', '2027-03-31'];
    const refused = await closepath(
      [
        'opportunity',
        'create',
        ...common,
        '--name',
        'Upsell',
        '--type',
        'upsell',
        '--owner',
        'maya@example.com',
        '--source',
        'ae',
      ],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'type_not_for_customer: Upsell is for a Commit Customer; this account is a New Prospect',
    );

    const created = await closepath(
      [
        'opportunity',
        'create',
        ...common,
        '--name',
        'Acme — lakehouse',
        '--type',
        'new_business',
        '--owner',
        'maya@example.com',
        '--source',
        'sdr',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const id = created.stdout.match(
      /^(opp_\w+): created in new_business \/ created for maya@example.com/,
    )?.[1];
    expect(id).toBeDefined();

    const logged = await closepath(
      [
        'activity',
        'log',
        '--deal',
        String(id),
        '--kind',
        'call',
        '--summary',
        'Discovery with the CTO',
        '--by',
        'maya@example.com',
      ],
      env,
    );
    expect(logged.code, logged.stderr).toBe(0);
    const listed = await closepath(['activity', 'list', '--account', account.id], env);
    expect(listed.stdout).toMatch(/call\s+act_\w+\s+Discovery with the CTO/);

    const reopened = await openApp({ dataDir });
    const activities = await reopened.context.db.selectFrom('activities').selectAll().execute();
    await reopened.close();
    expect(activities).toEqual([
      expect.objectContaining({ opportunity_id: id, user_ids: [owner.id], kind: 'call' }),
    ]);
  });
});

describe('closepath territory import', { timeout: 120_000 }, () => {
  it('imports a file as a draft, activates it and moves the accounts it routes elsewhere; refuses an overlap', async () => {
    const dataDir = path.join(dir, 'territories');
    const app = await openApp({ dataDir });
    await insertUsers(app.context.db, demoUsers(new Date()));
    const houston = await buildAccount(app.context.db, {
      country: 'US',
      subdivision: 'US-TX',
      postalCode: '77002',
      ownerId: 'user_grace_kim',
    });
    await app.close();
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };

    const overlap = path.join(dir, 'overlap.json');
    await writeFile(overlap, JSON.stringify(overlappingTerritoryModel()));
    const refused = await closepath(['territory', 'import', overlap, '--activate'], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/draft version 1 .*coverage: 0 gap\(s\), 1 overlap\(s\)/);
    expect(refused.stderr).toMatch(/refused: .*US-TX/);

    const result = await closepath(['territory', 'import', 'territories/firebolt.yaml', '--activate'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/draft version 2 .*every leaf has exactly one AE/);
    expect(result.stdout).toMatch(/preview: 1 of 1 account\(s\) and 0 open deal\(s\) change owner/);
    expect(result.stdout).toMatch(/version 2 is active: 1 account\(s\) and 0 deal\(s\) moved/);
    const reopened = await openApp({ dataDir });
    const row = await reopened.context.db
      .selectFrom('accounts')
      .select('owner_id')
      .where('id', '=', houston.id)
      .executeTakeFirstOrThrow();
    await reopened.close();
    expect(row.owner_id).toBe('user_carmen_ortiz');
  });
});
