import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles.js';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildOwned, type Owned } from '../support/authorization-org.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

const RECORDS = 50;
let api: TestApi;
let emea: Owned[];
const attackers = new Map<Role, ApiClient>();

beforeAll(async () => {
  api = await openTestApi();
  const db = api.database.db;
  const rvpEmea = await buildUser(db, { role: 'rvp', region: 'emea' });
  const owners = await Promise.all(
    [0, 1, 2, 3, 4].map(() => buildUser(db, { role: 'ae', region: 'emea', managerId: rvpEmea.id })),
  );
  emea = [];
  for (let index = 0; index < RECORDS; index++) {
    emea.push(await buildOwned(api.app, owners[index % owners.length] ?? rvpEmea, `emea-${index}`));
  }
  const rvpUs = await buildUser(db, { role: 'rvp', region: 'americas' });
  for (const role of ['ae', 'sdr', 'se', 'csm', 'rvp'] as const) {
    const managerId = role === 'rvp' ? null : rvpUs.id;
    attackers.set(role, await signIn(api.app, await buildUser(db, { role, region: 'americas', managerId })));
  }
});
afterAll(() => api.close());

/** Every read and write route that names one record, aimed at `target`: each must answer 404, as for a record that does not exist. */
function recordAttacks(client: ApiClient, target: Owned) {
  const deal = `/api/v1/opportunities/${target.deal.id}`;
  const account = `/api/v1/accounts/${target.account.id}`;
  const stale = { 'if-match': '"v999"' };
  return [
    client.call('GET', deal),
    client.call('GET', `${deal}/history`),
    client.call('PATCH', deal, { nextStep: 'hijacked' }),
    client.call('PATCH', deal, { nextStep: 'hijacked' }, stale),
    client.call('POST', `${deal}/stage`, { to: 'closed_lost', lossReason: 'budget' }),
    client.call('PUT', `${deal}/meddpicc/metrics`, { level: 'identified', summary: 'x' }),
    client.call('PUT', `${deal}/criteria/nb_icp_fit`, { note: 'x' }),
    client.call('DELETE', `${deal}/criteria/nb_icp_fit`),
    client.call('GET', account),
    client.call('PATCH', account, { city: 'Hijacked' }),
    client.call('POST', `${account}/contacts`, { name: 'Mallory' }),
    client.call('GET', `${account}/contracts`),
    client.call('POST', `${account}/contracts`, {
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      tcvMinor: 1,
      currency: 'USD',
    }),
    client.call('PATCH', `/api/v1/contacts/${target.contact.id}`, { title: 'Hijacked' }),
    client.call('GET', `${deal}/activities`),
    client.call('POST', `${deal}/activities`, { kind: 'call', summary: 'Planted' }),
    client.call('GET', `${account}/activities`),
    client.call('POST', `${account}/activities`, { kind: 'note', summary: 'Planted' }),
  ];
}

/** Creating a deal on the foreign account: refused as an unknown account (or by role), never created. */
function piggyback(client: ApiClient, target: Owned) {
  return client.call('POST', '/api/v1/opportunities', {
    accountId: target.account.id,
    name: 'Piggyback',
    type: 'new_business',
    amountMinor: 1,
    currency: 'USD',
    closeDate: '2027-01-01',
    ownerId: client.user.id,
    source: 'ae',
  });
}

async function listAll(client: ApiClient, path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${path}${separator}limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const result = await client.call('GET', url);
    expect(result.status).toBe(200);
    ids.push(...(result.body.items as Array<{ id: string }>).map((item) => item.id));
    cursor = result.body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

describe('an IDOR sweep from another region', () => {
  // 4,750 requests: a sweep, not a speed test — room for a busy CI machine running two files at once.
  it(`gets nothing from ${RECORDS} EMEA records through any route, and changes nothing`, {
    timeout: 180_000,
  }, async () => {
    const before = await api.database.db
      .selectFrom('opportunities')
      .select(['id', 'version'])
      .orderBy('id')
      .execute();
    const accountsBefore = await api.database.db
      .selectFrom('accounts')
      .select(['id', 'version'])
      .orderBy('id')
      .execute();
    let attempts = 0;
    const successes: string[] = [];
    for (const [role, client] of attackers) {
      for (const target of emea) {
        const results = await Promise.all(recordAttacks(client, target));
        const created = await piggyback(client, target);
        attempts += results.length + 1;
        for (const result of [...results, created]) {
          if (result.status < 400) successes.push(`${role}: ${result.status} ${JSON.stringify(result.body)}`);
        }
        expect(results.map((result) => result.status)).toEqual(results.map(() => 404));
        expect(created.status === 400 ? created.body.errors : created.status).toEqual(
          role === 'se' ? 403 : [{ path: 'body.accountId', message: 'no such account' }],
        );
      }
    }
    expect(attempts).toBe(5 * RECORDS * 19);
    expect(successes).toEqual([]);
    expect(
      await api.database.db.selectFrom('opportunities').select(['id', 'version']).orderBy('id').execute(),
    ).toEqual(before);
    expect(
      await api.database.db.selectFrom('accounts').select(['id', 'version']).orderBy('id').execute(),
    ).toEqual(accountsBefore);
  });

  it('sees no EMEA row in any list, on any page', async () => {
    const foreignDeals = new Set(emea.map((owned) => owned.deal.id));
    const foreignAccounts = new Set(emea.map((owned) => owned.account.id));
    for (const [role, client] of attackers) {
      const deals = await listAll(client, '/api/v1/opportunities');
      const accounts = await listAll(client, '/api/v1/accounts');
      expect(
        deals.filter((id) => foreignDeals.has(id)),
        role,
      ).toEqual([]);
      expect(
        accounts.filter((id) => foreignAccounts.has(id)),
        role,
      ).toEqual([]);
      for (const target of emea.slice(0, 5)) {
        const byAccount = await listAll(client, `/api/v1/opportunities?accountId=${target.account.id}`);
        expect(byAccount, role).toEqual([]);
      }
    }
  });
});
