import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn, signInNewUser, toCallResult } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let admin: ApiClient;
beforeAll(async () => {
  api = await openTestApi();
  admin = await signInNewUser(api.app, { email: 'grace@example.com' });
});
afterAll(() => api.close());

const bearer = async (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  toCallResult(
    await api.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload && { payload }),
    }),
  );

async function issue(userId: string, scope: 'read' | 'write' = 'write') {
  const created = await admin.call('POST', '/api/v1/tokens', { userId, name: 'warehouse sync', scope });
  expect(created.status).toBe(201);
  return created.body as { token: { id: string; scope: string }; secret: string };
}

describe('API tokens', () => {
  it('issues a token shown once and stored hashed; it signs requests in as its user', async () => {
    const ae = await buildUser(api.database.db, { role: 'ae' });
    const { token, secret } = await issue(ae.id);
    expect(secret).toMatch(/^cpt_[0-9a-f]{20}_[A-Za-z0-9_-]{43}$/);
    const row = await api.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret.slice(-43));
    const me = await bearer(secret, 'GET', '/api/v1/auth/me');
    expect(me.body).toMatchObject({ user: { id: ae.id }, csrfToken: null });
    const used = await api.database.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).toBeInstanceOf(Date);
    const listed = await admin.call('GET', `/api/v1/tokens?userId=${ae.id}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: token.id, scope: 'write', lastUsedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/secret|hash|cpt_/);
  });

  it('refuses a read-scoped token on unsafe methods (403) and lets it read', async () => {
    const { secret } = await issue(admin.user.id, 'read');
    expect((await bearer(secret, 'GET', '/api/v1/users')).status).toBe(200);
    const write = await bearer(secret, 'POST', '/api/v1/accounts', {
      name: 'Read Only',
      segment: 'smb',
      country: 'IE',
    });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
    expect(
      await api.database.db.selectFrom('accounts').select('id').where('name', '=', 'Read Only').execute(),
    ).toEqual([]);
  });

  it('lets a write token change data without a CSRF token (bearer requests are not cookie-driven)', async () => {
    const { secret } = await issue(admin.user.id);
    const created = await bearer(secret, 'POST', '/api/v1/accounts', {
      name: 'Token Co',
      segment: 'smb',
      country: 'IE',
    });
    expect(created.status).toBe(201);
  });

  it('stops a revoked token on its next request, and audits creation and revocation', async () => {
    const { token, secret } = await issue(admin.user.id);
    expect((await admin.call('DELETE', `/api/v1/tokens/${token.id}`)).status).toBe(204);
    expect((await admin.call('DELETE', `/api/v1/tokens/${token.id}`)).status).toBe(204);
    expect((await bearer(secret, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await admin.call('DELETE', '/api/v1/tokens/tok_nope')).status).toBe(404);
    const events = await api.database.db
      .selectFrom('events')
      .selectAll()
      .where('entity_id', '=', token.id)
      .orderBy('id')
      .execute();
    expect(events.map((event) => [event.action, event.actor_id, event.request_id !== null])).toEqual([
      ['api_token.created', admin.user.id, true],
      ['api_token.revoked', admin.user.id, true],
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('is for admins only: anyone else gets 403 and no token', async () => {
    const ae = await signInNewUser(api.app, { role: 'ae', region: 'emea' });
    const refused = await ae.call('POST', '/api/v1/tokens', { userId: ae.user.id, name: 'mine' });
    expect(refused.status).toBe(403);
    expect((await ae.call('GET', '/api/v1/tokens')).status).toBe(403);
    expect(
      (
        await bearer(
          'cpt_0123456789abcdef0123_not-a-real-token-at-all-000000000000000',
          'GET',
          '/api/v1/users',
        )
      ).status,
    ).toBe(401);
  });
});

describe('disabling a user', () => {
  it('ends their session and token on the very next request, and audits it as a permission change', async () => {
    const rep = await buildUser(api.database.db, { role: 'ae', email: 'leaving@example.com' });
    const session = await signIn(api.app, rep);
    const { secret } = await issue(rep.id);
    expect((await session.call('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await bearer(secret, 'GET', '/api/v1/auth/me')).status).toBe(200);

    const disabled = await admin.call('PATCH', `/api/v1/users/${rep.id}`, { active: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ active: false, version: 2 });
    expect((await session.call('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await bearer(secret, 'GET', '/api/v1/auth/me')).status).toBe(401);
    const relogin = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: rep.email, password: 'correct horse battery staple' },
    });
    expect(relogin.statusCode).toBe(401);
    const audit = await admin.call('GET', `/api/v1/audit?entityId=${rep.id}&action=user.permissions_changed`);
    expect(audit.body.items[0]).toMatchObject({
      actorId: admin.user.id,
      before: { active: true },
      after: { active: false, sessionsEnded: 1, tokensRevoked: [expect.stringMatching(/^tok_/)] },
    });
  });
});
