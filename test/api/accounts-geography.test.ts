import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let ae: ApiClient;

beforeAll(async () => {
  api = await openTestApi();
  ae = await signIn(api.app, await buildUser(api.database.db, { role: 'ae', region: 'na' }));
});
afterAll(() => api.close());

const ACME = { name: 'Acme Geography', segment: 'smb' };
const rowCounts = async () => ({
  accounts: (await api.database.db.selectFrom('accounts').select('id').execute()).length,
  events: (await api.database.db.selectFrom('events').select('id').execute()).length,
});

describe('account geography over HTTP (ISO 3166)', () => {
  it.each([
    [
      { country: 'USA' },
      'body.country',
      'USA is a three-letter code: use the two-letter ISO 3166-1 code, e.g. US',
    ],
    [{ country: 'XX' }, 'body.country', 'XX is not an assigned ISO 3166-1 country code'],
    [
      { country: 'US', subdivision: 'US-ZZ' },
      'body.subdivision',
      'US-ZZ is not a known subdivision of United States of America',
    ],
    [
      { country: 'US', subdivision: 'CA-ON' },
      'body.subdivision',
      'CA-ON is in Canada, not United States of America',
    ],
  ])('refuses to create %o: %s', async (where, path, message) => {
    const before = await rowCounts();
    const refused = await ae.call('POST', '/api/v1/accounts', { ...ACME, ...where });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path, message }]);
    expect(await rowCounts()).toEqual(before);
  });

  it('creates an account in Washington, United States, and refuses edits that leave ISO 3166', async () => {
    const created = await ae.call('POST', '/api/v1/accounts', {
      ...ACME,
      country: 'US',
      subdivision: 'US-WA',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ country: 'US', subdivision: 'US-WA' });
    const url = `/api/v1/accounts/${created.body.id}`;

    const cases = [
      [
        { country: 'USA' },
        'body.country',
        'USA is a three-letter code: use the two-letter ISO 3166-1 code, e.g. US',
      ],
      [
        { subdivision: 'US-ZZ' },
        'body.subdivision',
        'US-ZZ is not a known subdivision of United States of America',
      ],
      [
        { country: 'US', subdivision: 'CA-ON' },
        'body.subdivision',
        'CA-ON is in Canada, not United States of America',
      ],
      // Given alone, the subdivision is checked against the account's country, and a new country against
      // the subdivision the account keeps.
      [{ subdivision: 'CA-ON' }, 'body.subdivision', 'CA-ON is in Canada, not United States of America'],
      [{ country: 'CA' }, 'body.subdivision', 'US-WA is in United States of America, not Canada'],
    ] as const;
    for (const [patch, path, message] of cases) {
      const refused = await ae.call('PATCH', url, patch);
      expect([refused.status, refused.body.errors], JSON.stringify(patch)).toEqual([
        400,
        [{ path, message }],
      ]);
    }
    const unchanged = await ae.call('GET', url);
    expect(unchanged.body.account).toMatchObject({ country: 'US', subdivision: 'US-WA', version: 1 });

    const moved = await ae.call(
      'PATCH',
      url,
      { country: 'CA', subdivision: 'CA-ON' },
      { 'if-match': '"v1"' },
    );
    expect([moved.status, moved.body.country, moved.body.subdivision]).toEqual([200, 'CA', 'CA-ON']);
  });
});
