import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unwrap } from '../../src/api/errors/unwrap.js';
import { invalid } from '../../src/app/app-error.js';
import { err } from '../../src/domain/result.js';
import { type ApiClient, signInNewUser } from '../support/api-client.js';
import { openTestApi, type TestApi } from '../support/test-api.js';
import { renameWidgetRoute } from './example-route.js';

let api: TestApi;
let app: FastifyInstance;
/** Signed in as an admin: this file is about the HTTP shell, not about who may do what. */
let client: ApiClient;

const probeBody = z
  .object({ amountMinor: z.number().int().min(0), lines: z.array(z.object({ sku: z.string() })) })
  .strict();

async function registerProbes(server: FastifyInstance) {
  const probe = server.withTypeProvider<ZodTypeProvider>();
  probe.post(
    '/test/probe',
    { schema: { body: probeBody, querystring: z.object({ dryRun: z.enum(['yes', 'no']).optional() }) } },
    async (request) => ({
      received: request.body.amountMinor,
    }),
  );
  probe.get('/test/throws', async () => {
    throw new Error('SELECT * FROM secret_table WHERE password = hunter2');
  });
  probe.get('/test/invalid', async () =>
    unwrap(err(invalid([{ path: 'body.name', message: 'must not be empty' }]))),
  );
  probe.get('/test/actor', async (request) => request.actor);
  await server.register(renameWidgetRoute);
}

beforeAll(async () => {
  api = await openTestApi({ beforeReady: registerProbes });
  app = api.app;
  client = await signInNewUser(app);
});

afterAll(() => api.close());

function expectProblem(
  response: { headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) {
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = response.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `urn:closepath:problem:${code}` });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

describe('routes', () => {
  it('answers health', async () => {
    const response = await client.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('returns the playbook in force with both pipelines', async () => {
    const response = await client.inject({ method: 'GET', url: '/api/v1/playbook' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { pipelines: Array<{ key: string; stages: unknown[] }> };
    expect(body.pipelines.map((pipeline) => pipeline.key)).toHaveLength(2);
    expect(body.pipelines.every((pipeline) => pipeline.stages.length >= 7)).toBe(true);
    expect(body).toEqual(JSON.parse(JSON.stringify(app.context.playbook)));
  });
});

describe('OpenAPI', () => {
  it('serves a 3.1 document listing the playbook route, with resolvable component refs', async () => {
    const response = await client.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi.startsWith('3.1')).toBe(true);
    expect(doc.paths['/api/v1/playbook']).toBeDefined();
    expect(doc.paths['/api/health']).toBeUndefined();
    expect(doc.paths['/api/v1/openapi.json']).toBeUndefined();
    const text = JSON.stringify(doc);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(refs).toContain('Playbook');
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
    expect(text).not.toContain('"nullable"');
  });

  it('serves the docs page as HTML under a CSP that lets it load its own assets', async () => {
    const page = await client.inject({ method: 'GET', url: '/api/v1/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = await client.inject({ method: 'GET', url: '/api/v1/docs/static/swagger-ui-bundle.js' });
    expect(script.statusCode).toBe(200);
    const spec = await client.inject({ method: 'GET', url: '/api/v1/docs/json' });
    expect((spec.json() as { openapi: string }).openapi).toMatch(/^3\.1/);
  });
});

describe('errors as problem+json', () => {
  it('answers an unknown route with 404', async () => {
    const response = await client.inject({ method: 'GET', url: '/api/v1/nowhere?x=1' });
    expect(response.statusCode).toBe(404);
    const body = expectProblem(response, 404, 'not_found');
    expect(body.instance).toBe('/api/v1/nowhere');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await client.inject({
      method: 'POST',
      url: '/test/probe',
      headers: { 'content-type': 'application/json' },
      payload: '{"amountMinor": 12,',
    });
    expect(response.statusCode).toBe(400);
    const body = expectProblem(response, 400, 'malformed_request');
    expect(body.errors).toEqual([{ path: 'body', message: 'is not valid JSON' }]);
  });

  it('answers a path that is not valid percent-encoding with 400 naming the params', async () => {
    const response = await client.inject({ method: 'GET', url: '/api/v1/opportunities/%E0%A4%A' });
    const body = expectProblem(response, 400, 'bad_request');
    // Fastify answers it before any hook runs: the security headers are set all the same.
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    });
    expect(response.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(body.errors).toEqual([{ path: 'params', message: 'is not valid percent-encoded UTF-8' }]);
  });

  it('answers a body that fails the zod schema with field paths', async () => {
    const response = await client.inject({
      method: 'POST',
      url: '/test/probe?dryRun=maybe',
      payload: { amountMinor: 10, lines: [] },
    });
    expect(response.statusCode).toBe(400);
    // Fastify validates params, body, query, headers in turn and stops at the first part that fails.
    const body = expectProblem(response, 400, 'validation_failed');
    expect(body.errors).toEqual([{ path: 'query.dryRun', message: expect.any(String) }]);

    const second = await client.inject({
      method: 'POST',
      url: '/test/probe',
      payload: { amountMinor: 'ten', lines: [{ sku: 5 }], role: 'admin' },
    });
    const paths = (expectProblem(second, 400, 'validation_failed').errors as Array<{ path: string }>).map(
      (issue) => issue.path,
    );
    expect(paths.sort()).toEqual(['body.amountMinor', 'body.lines[0].sku', 'body.role']);
  });

  it('answers a use-case validation failure with its issues', async () => {
    const response = await client.inject({ method: 'GET', url: '/test/invalid' });
    const body = expectProblem(response, 400, 'validation_failed');
    expect(body.errors).toEqual([{ path: 'body.name', message: 'must not be empty' }]);
  });

  it('answers an unexpected throw with 500 and no internals', async () => {
    const response = await client.inject({ method: 'GET', url: '/test/throws' });
    expect(response.statusCode).toBe(500);
    const body = expectProblem(response, 500, 'internal_error');
    expect(response.body).not.toMatch(/secret_table|hunter2|SELECT|at .*\.ts:\d+|stack/i);
    expect(Object.keys(body).sort()).toEqual([
      'code',
      'detail',
      'instance',
      'requestId',
      'status',
      'title',
      'type',
    ]);
  });

  it('answers a body over 1 MiB with 413', async () => {
    const response = await client.inject({
      method: 'POST',
      url: '/test/probe',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ amountMinor: 1, lines: [], pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expectProblem(response, 413, 'payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await client.inject({
      method: 'POST',
      url: '/test/probe',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expectProblem(response, 415, 'unsupported_media_type');
  });
});

describe('the route pattern (example-route.ts)', () => {
  const rename = (headers: Record<string, string>, payload: unknown = { name: 'Renamed' }, id = 'wid_1') =>
    client.inject({ method: 'PATCH', url: `/api/v1/widgets/${id}`, headers, payload: payload as object });

  it('answers the record with its new ETag when If-Match matches (weak or strong) or is absent', async () => {
    for (const headers of [
      { 'if-match': 'W/"v3"' },
      { 'if-match': '"v3"' },
      { 'if-match': '*' },
      {},
    ] as Array<Record<string, string>>) {
      const response = await rename(headers);
      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toBe('"v4"');
      expect(response.json()).toEqual({ id: 'wid_1', name: 'Renamed', version: 4 });
    }
  });

  it('answers a stale If-Match with 412 and the current version', async () => {
    const response = await rename({ 'if-match': '"v2"' });
    expect(expectProblem(response, 412, 'precondition_failed').currentVersion).toBe(3);
    expect(response.headers.etag).toBeUndefined();
  });

  it('answers an unreadable If-Match with 400', async () => {
    const response = await rename({ 'if-match': 'v3' });
    const body = expectProblem(response, 400, 'validation_failed');
    expect(body.errors).toEqual([{ path: 'headers.if-match', message: expect.any(String) }]);
  });

  it('answers an unknown record with 404 and an invalid body with 400', async () => {
    expectProblem(await rename({}, undefined, 'wid_404'), 404, 'not_found');
    const invalidBody = await rename({}, { name: ' ', id: 'wid_2' });
    const paths = (
      expectProblem(invalidBody, 400, 'validation_failed').errors as Array<{ path: string }>
    ).map((issue) => issue.path);
    expect(paths.sort()).toEqual(['body.id', 'body.name']);
  });

  it('documents the route with its problems and components', async () => {
    const doc = (await client.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, { patch?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths['/api/v1/widgets/{id}']?.patch?.responses ?? {}).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '412',
      '429',
      '503',
    ]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Widget', 'Problem', 'Playbook']),
    );
  });
});

describe('security basics', () => {
  it('sets the security headers on success, error and docs responses', async () => {
    for (const url of ['/api/health', '/api/v1/nowhere', '/test/throws']) {
      const response = await client.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('echoes a plain x-request-id and replaces a hostile one', async () => {
    const echoed = await client.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'lb-1234.abc' },
    });
    expect(echoed.headers['x-request-id']).toBe('lb-1234.abc');
    const replaced = await client.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': '<script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await client.inject({ method: 'GET', url: '/api/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets the signed-in actor, with the request id, and refuses anonymous callers', async () => {
    const response = await client.inject({
      method: 'GET',
      url: '/test/actor',
      headers: { 'x-request-id': 'r-1' },
    });
    expect(response.json()).toMatchObject({
      id: client.user.id,
      principal: { id: client.user.id, role: 'revops_admin', region: null, managerId: null },
      canOverride: true,
      readOnly: false,
      requestId: 'r-1',
    });
    const anonymous = await app.inject({ method: 'GET', url: '/test/actor' });
    expect(anonymous.statusCode).toBe(401);
  });
});
