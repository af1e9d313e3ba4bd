import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signInNewUser } from '../support/api-client.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let admin: ApiClient;
let ae: ApiClient;
beforeAll(async () => {
  api = await openTestApi();
  admin = await signInNewUser(api.app, { name: 'Grace Kim', email: 'grace@example.com' });
  ae = await signInNewUser(api.app, { name: 'Maya Chen', role: 'ae', region: 'americas' });
});
afterAll(() => api.close());

describe('users', () => {
  it('lists the org to anyone signed in, and lets only admins add or change people', async () => {
    const listed = await ae.call('GET', '/api/v1/users?limit=1');
    expect(listed.body.items).toEqual([expect.objectContaining({ name: 'Grace Kim', role: 'revops_admin' })]);
    const next = await ae.call('GET', `/api/v1/users?limit=5&cursor=${listed.body.nextCursor}`);
    expect(next.body.items.map((user: { name: string }) => user.name)).toEqual(['Maya Chen']);
    const body = { email: 'sam@example.com', name: 'Sam Taylor', role: 'sdr', region: 'americas' };
    expect((await ae.call('POST', '/api/v1/users', body)).status).toBe(403);
    expect((await ae.call('PATCH', `/api/v1/users/${ae.user.id}`, { role: 'revops_admin' })).status).toBe(
      403,
    );

    const created = await admin.call('POST', '/api/v1/users', { ...body, managerId: admin.user.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, managerId: admin.user.id, active: true, version: 1 });
    expect((await admin.call('POST', '/api/v1/users', { ...body, email: 'SAM@example.com' })).status).toBe(
      409,
    );
    const mass = await admin.call('POST', '/api/v1/users', {
      ...body,
      email: 'x@example.com',
      passwordHash: 'x',
    });
    expect(mass.status).toBe(400);
  });

  it('audits role, region and manager changes as permission changes, with If-Match', async () => {
    const created = await admin.call('POST', '/api/v1/users', {
      email: 'noah@example.com',
      name: 'Noah',
      role: 'se',
    });
    const id = created.body.id as string;
    const stale = await admin.call('PATCH', `/api/v1/users/${id}`, { role: 'rvp' }, { 'if-match': '"v9"' });
    expect(stale.status).toBe(412);
    const promoted = await admin.call(
      'PATCH',
      `/api/v1/users/${id}`,
      { role: 'rvp', region: 'emea' },
      { 'if-match': '"v1"' },
    );
    expect(promoted.status).toBe(200);
    expect(promoted.headers.etag).toBe('"v2"');
    const renamed = await admin.call('PATCH', `/api/v1/users/${id}`, { name: 'Noah Fischer' });
    expect(renamed.status).toBe(200);
    const events = await admin.call('GET', `/api/v1/audit?entityType=user&entityId=${id}`);
    expect(events.body.items.map((event: { action: string }) => event.action)).toEqual([
      'user.updated',
      'user.permissions_changed',
      'user.created',
    ]);
    expect(events.body.items[1]).toMatchObject({
      actorId: admin.user.id,
      requestId: expect.any(String),
      before: { role: 'se', region: null },
      after: { role: 'rvp', region: 'emea' },
    });
  });

  it('keeps the last active administrator', async () => {
    const refused = await admin.call('PATCH', `/api/v1/users/${admin.user.id}`, { role: 'viewer' });
    expect(refused.status).toBe(409);
    expect((await admin.call('PATCH', `/api/v1/users/${admin.user.id}`, { active: false })).status).toBe(409);
  });
});

describe('the audit log', () => {
  it('is for admins only', async () => {
    expect((await ae.call('GET', '/api/v1/audit')).status).toBe(403);
  });

  it('filters by actor, action, entity and time, newest first, in cursor pages', async () => {
    const all = await admin.call('GET', '/api/v1/audit?limit=200');
    const ids = all.body.items.map((event: { id: number }) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const logins = await admin.call('GET', `/api/v1/audit?action=auth.login_succeeded&actorId=${ae.user.id}`);
    expect(logins.body.items).toEqual([
      expect.objectContaining({ actorId: ae.user.id, entityType: 'session', action: 'auth.login_succeeded' }),
    ]);
    const first = await admin.call('GET', '/api/v1/audit?limit=2');
    const second = await admin.call('GET', `/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((event: { id: number }) => event.id)).toEqual(
      ids.slice(0, 4),
    );
    const now = new Date('2026-11-02T09:00:00Z');
    const before = await admin.call('GET', `/api/v1/audit?to=${now.toISOString()}`);
    expect(before.body.items).toEqual([]);
    const from = await admin.call('GET', `/api/v1/audit?from=${now.toISOString()}&limit=200`);
    expect(from.body.items).toHaveLength(ids.length);
    expect((await admin.call('GET', '/api/v1/audit?entityType=planet')).status).toBe(400);
  });

  it('refuses an instant PostgreSQL cannot hold at its field, before any SQL', async () => {
    const answer = await admin.call('GET', '/api/v1/audit?from=0000-01-01T00:00:00Z');
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path: 'query.from', message: 'a year between 1000 and 9999' }]);
  });
});

describe('demo sign-in', () => {
  it('lists the demo users and password only in demo mode', async () => {
    const demo = await openTestApi({ demo: true });
    await signInNewUser(demo.app, { email: 'grace.kim@closepath.demo', name: 'Grace Kim' });
    await signInNewUser(demo.app, { email: 'someone@example.com' });
    const listed = await demo.app.inject({ method: 'GET', url: '/api/v1/auth/demo-users' });
    expect(listed.json()).toEqual({
      password: 'closepath-demo',
      users: [{ email: 'grace.kim@closepath.demo', name: 'Grace Kim', role: 'revops_admin', region: null }],
    });
    await demo.close();
  });
});
