import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from '../../src/api/web-app.js';
import { type ApiClient, signInNewUser, toCallResult } from '../support/api-client.js';
import { buildAccount, buildOpportunity, testContext } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

const BIG_JS = `console.log(${JSON.stringify('closepath '.repeat(2000))});`;
let dist: string;
let api: TestApi;
let ae: ApiClient;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'closepath-web-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Closepath</title>');
  await writeFile(path.join(dist, 'assets/index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(dist, 'assets/big-def456.js'), BIG_JS);
  await writeFile(path.join(dist, 'assets/big-def456.js.br'), brotliCompressSync(BIG_JS));
  await writeFile(path.join(dist, 'assets/big-def456.js.gz'), gzipSync(BIG_JS));
  await writeFile(path.join(dist, 'robots.txt'), 'User-agent: *');
  api = await openTestApi({ beforeReady: async (app) => void (await registerWebApp(app, dist)) });
  ae = await signInNewUser(api.app, { role: 'ae', region: 'emea', name: 'Lukas Weber' });
  const { context } = testContext(api.database.db);
  const account = await buildAccount(api.database.db, { name: 'Contoso' });
  await buildOpportunity(context, { ownerId: ae.user.id, accountId: account.id, amountMinor: 80_000_00 });
});
afterAll(async () => {
  await api.close();
  await rm(dist, { recursive: true, force: true });
});

const get = async (url: string) => toCallResult(await api.app.inject({ method: 'GET', url }));

describe('the web app on the API port', () => {
  it.each(['/', '/board/new_business', '/opportunities/opp_1?focus=criterion:x', '/index.html'])(
    'answers %s with index.html to anyone, not cached, under a CSP without inline scripts',
    async (url) => {
      const page = await get(url);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
    },
  );

  it('serves hashed assets as immutable and other files as they are', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/robots.txt')).status).toBe(200);
    expect((await get('/assets/missing.js')).status).toBe(404);
    for (const url of [
      '/assets/../../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%2f..%2fpackage.json',
    ]) {
      const response = await api.app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('"dependencies"');
    }
  });

  it("sends the build's Brotli or gzip copy to browsers that accept it, the file itself to others", async () => {
    const send = (encoding?: string) =>
      api.app.inject({
        method: 'GET',
        url: '/assets/big-def456.js',
        headers: encoding ? { 'accept-encoding': encoding } : {},
      });
    const brotli = await send('gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.rawPayload.length).toBeLessThan(BIG_JS.length / 10);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(BIG_JS);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await send('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(BIG_JS);
    const plain = await send();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BIG_JS);
  });

  it('leaves /api paths to the API: 401 signed out, 404 problem when signed in, and the API CSP', async () => {
    const anonymous = await get('/api/v1/nowhere');
    expect(anonymous.status).toBe(401);
    const signedIn = await ae.call('GET', '/api/v1/nowhere');
    expect(signedIn.status).toBe(404);
    expect(signedIn.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(signedIn.headers['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    );
  });

  it('reports an unbuilt app instead of serving nothing silently', async () => {
    expect(await registerWebApp(api.app, path.join(dist, 'nowhere'))).toBe(false);
  });
});

describe('GET /api/v1/pipelines/{pipeline}/board', () => {
  it('answers the columns and the cards the caller may read', async () => {
    const board = await ae.call('GET', '/api/v1/pipelines/new_business/board');
    expect(board.status).toBe(200);
    expect(board.body.columns).toHaveLength(8);
    expect(board.body.columns[0]).toMatchObject({ stage: 'created', count: 1 });
    expect(board.body.cards[0]).toMatchObject({
      accountName: 'Contoso',
      ownerName: 'Lukas Weber',
      version: 1,
    });
  });

  it('refuses an unknown pipeline (404), a bad quarter (400) and anonymous callers (401)', async () => {
    expect((await ae.call('GET', '/api/v1/pipelines/partners/board')).status).toBe(404);
    const bad = await ae.call('GET', '/api/v1/pipelines/new_business/board?closeQuarter=2027-Q5');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.closeQuarter');
    expect((await get('/api/v1/pipelines/new_business/board')).status).toBe(401);
  });
});
