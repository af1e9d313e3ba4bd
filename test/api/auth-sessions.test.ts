import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, TEST_PASSWORD } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

const MINUTE = 60_000;
let api: TestApi;
beforeAll(async () => {
  api = await openTestApi();
});
afterAll(() => api.close());

const auditActions = () =>
  api.database.db.selectFrom('events').selectAll().where('action', 'like', 'auth.%').orderBy('id').execute();

describe('sign-in, me, sign-out', () => {
  it('sets a hardened session cookie, answers me with the user and CSRF token, and ends it on logout', async () => {
    const user = await buildUser(api.database.db, { email: 'Maya.Chen@example.com', name: 'Maya Chen' });
    const client = await signIn(api.app, { ...user, email: 'maya.chen@EXAMPLE.com' });
    const login = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(
      /^closepath_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect(login.headers['strict-transport-security']).toBeUndefined(); // plain HTTP: HSTS means nothing
    expect(login.json()).toMatchObject({ user: { id: user.id, role: 'ae' }, csrfToken: expect.any(String) });
    expect(login.json().user.passwordHash).toBeUndefined();

    const me = await client.call('GET', '/api/v1/auth/me');
    expect(me.body).toMatchObject({ user: { id: user.id, name: 'Maya Chen' }, csrfToken: client.csrfToken });
    const stored = await api.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(stored.map((row) => row.id_hash)).not.toContain(client.cookie.split('=')[1]);

    const out = await client.call('POST', '/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await client.call('GET', '/api/v1/auth/me')).status).toBe(401);
    const actions = (await auditActions()).filter((event) => event.actor_id === user.id).map((e) => e.action);
    expect(actions).toEqual(['auth.login_succeeded', 'auth.login_succeeded', 'auth.logout']);
  });

  it('marks the cookie Secure and sends HSTS when the request came over HTTPS', async () => {
    const proxied = await openTestApi({ trustProxy: true });
    const user = await buildUser(proxied.database.db);
    await signIn(proxied.app, user);
    const login = await proxied.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(String(login.headers['set-cookie'])).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
    expect(login.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    await proxied.close();
  });

  it('answers a wrong password and an unknown email alike (401, same detail), and audits both', async () => {
    const user = await buildUser(api.database.db);
    await signIn(api.app, user);
    const attempt = (email: string) =>
      api.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'not-the-password' },
      });
    const wrong = await attempt(user.email);
    const unknown = await attempt('nobody@example.com');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json().code).toBe('unauthorized');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const failures = (await auditActions()).filter((event) => event.action === 'auth.login_failed');
    const seen = failures.map((event) => [event.entity_id, (event.after as { email: string }).email]);
    expect(seen).toEqual(
      expect.arrayContaining([
        [user.id, user.email],
        ['email:nobody@example.com', 'nobody@example.com'],
      ]),
    );
    expect(JSON.stringify(failures)).not.toContain('not-the-password');
    expect(failures.every((event) => event.actor_id === 'anonymous' && event.request_id)).toBe(true);
  });
});

describe('timeouts', () => {
  it('ends a session left idle for 30 minutes; activity keeps it alive (last_seen_at written once a minute)', async () => {
    const client = await signIn(api.app, await buildUser(api.database.db));
    const seen = async () =>
      (
        await api.database.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('user_id', '=', client.user.id)
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    const first = await seen();
    api.advance(30_000);
    expect((await client.call('GET', '/api/v1/auth/me')).status).toBe(200);
    expect(await seen()).toBe(first);
    api.advance(20 * MINUTE);
    expect((await client.call('GET', '/api/v1/auth/me')).status).toBe(200);
    expect(await seen()).toBe(first + 30_000 + 20 * MINUTE);
    api.advance(29 * MINUTE);
    expect((await client.call('GET', '/api/v1/auth/me')).status).toBe(200);
    api.advance(30 * MINUTE);
    const idle = await client.call('GET', '/api/v1/auth/me');
    expect(idle.status).toBe(401);
    expect(idle.body.detail).toMatch(/session has ended/);
    expect(String(idle.headers['set-cookie'])).toContain('Max-Age=0');
  });

  it('ends a session 12 hours after sign-in however active', async () => {
    const client = await signIn(api.app, await buildUser(api.database.db));
    for (let hour = 0; hour < 12 * 3 - 1; hour++) {
      api.advance(20 * MINUTE);
      expect((await client.call('GET', '/api/v1/auth/me')).status).toBe(200);
    }
    api.advance(20 * MINUTE);
    expect((await client.call('GET', '/api/v1/auth/me')).status).toBe(401);
  });
});
