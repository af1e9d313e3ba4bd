import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authSettings } from '../../src/app/auth/auth-settings.js';
import { authenticateToken } from '../../src/app/auth/authenticate-token.js';
import { login } from '../../src/app/auth/login.js';
import { openApp } from '../../src/app/open-app.js';
import { runCli } from '../support/cli-server.js';

let dataDir: string;

/** Runs the CLI on the test's own PGlite data dir, optionally feeding stdin. */
const closepath = (args: string[], stdin = '') =>
  runCli(args, { DATA_DIR: dataDir, DATABASE_URL: '' }, stdin);

const shownOnce = (stdout: string, what: string) =>
  new RegExp(`${what} \\(shown once\\): (\\S+)`).exec(stdout)?.[1] ?? '';

beforeAll(async () => {
  dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'closepath-auth-cli-')), 'data');
});
afterAll(() => rm(path.dirname(dataDir), { recursive: true, force: true }));

describe('the first admin of a real install, and API tokens, from the CLI', { timeout: 120_000 }, () => {
  it('creates users with a generated or piped password, issues tokens, and refuses bad input', async () => {
    const created = await closepath([
      'user',
      'create',
      '--email',
      'ops@acme.example',
      '--name',
      'Ops',
      '--role',
      'revops_admin',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const generated = shownOnce(created.stdout, 'password');
    expect(generated).toMatch(/^[A-Za-z0-9_-]{20}$/);

    const rep = await closepath(
      [
        'user',
        'create',
        '--email',
        'rep@acme.example',
        '--name',
        'Rep',
        '--role',
        'ae',
        '--region',
        'emea',
        '--manager',
        'ops@acme.example',
        '--password-stdin',
      ],
      'a piped password\n',
    );
    expect(rep.code, rep.stderr).toBe(0);
    expect(rep.stdout).not.toContain('shown once');
    const weak = await closepath(['user', 'set-password', 'rep@acme.example', '--password-stdin'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 12 characters');
    const badRole = await closepath([
      'user',
      'create',
      '--email',
      'x@acme.example',
      '--name',
      'X',
      '--role',
      'king',
    ]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/role/);

    const token = await closepath([
      'token',
      'create',
      '--user',
      'rep@acme.example',
      '--name',
      'sync',
      '--scope',
      'read',
    ]);
    expect(token.code, token.stderr).toBe(0);
    const secret = shownOnce(token.stdout, 'token');
    expect(secret).toMatch(/^cpt_/);

    const reset = await closepath(['user', 'set-password', 'ops@acme.example']);
    expect(reset.code, reset.stderr).toBe(0);
    const replaced = shownOnce(reset.stdout, 'password');

    const app = await openApp({ dataDir });
    try {
      const settings = authSettings();
      const signIn = (email: string, password: string) =>
        login(app.context, settings, { email, password, ip: null, userAgent: null });
      expect((await signIn('ops@acme.example', generated)).ok).toBe(false);
      expect((await signIn('ops@acme.example', replaced)).ok).toBe(true);
      expect((await signIn('rep@acme.example', 'a piped password')).ok).toBe(true);
      expect(await authenticateToken(app.context, settings, secret)).toMatchObject({ scope: 'read' });
      const audit = await app.context.db
        .selectFrom('events')
        .select(['action', 'actor_id'])
        .orderBy('id')
        .execute();
      expect(audit.map((event) => event.action)).toEqual(
        expect.arrayContaining(['user.created', 'api_token.created', 'user.password_set']),
      );
      expect(audit.find((event) => event.action === 'user.created')?.actor_id).toBe('system:cli');
    } finally {
      await app.close();
    }
  });
});
