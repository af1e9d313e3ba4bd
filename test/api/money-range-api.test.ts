import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR } from '../../src/app/shared/fields.js';
import { type ApiClient, signInNewUser } from '../support/api-client.js';
import { buildAccount, buildOpportunity } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let admin: ApiClient;
let accountId: string;

beforeAll(async () => {
  api = await openTestApi();
  admin = await signInNewUser(api.app, { name: 'Grace Kim' });
  accountId = (await buildAccount(api.database.db, { name: 'Very Large Corp' })).id;
});
afterAll(() => api.close());

const deal = (amountMinor: number) => ({
  accountId,
  name: 'The largest deal',
  type: 'new_business',
  amountMinor,
  currency: 'USD',
  closeDate: '2027-03-31',
  ownerId: admin.user.id,
  source: 'ae',
});

describe('the money range', () => {
  it('takes an amount up to 10^15 − 1 minor units and refuses one past it at body.amountMinor', async () => {
    expect((await admin.call('POST', '/api/v1/opportunities', deal(MAX_AMOUNT_MINOR))).status).toBe(201);
    for (const amountMinor of [MAX_AMOUNT_MINOR + 1, Number.MAX_SAFE_INTEGER, 2 ** 53, -1, 1.5]) {
      const refused = await admin.call('POST', '/api/v1/opportunities', deal(amountMinor));
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(['body.amountMinor']);
    }
  });

  it('sums a board past 2^53 exactly, as decimal strings, instead of failing', async () => {
    for (let i = 0; i < 11; i += 1) {
      await buildOpportunity(api.app.context, {
        accountId,
        ownerId: admin.user.id,
        amountMinor: MAX_AMOUNT_MINOR,
      });
    }
    const board = await admin.call('GET', '/api/v1/pipelines/new_business/board');
    expect(board.status).toBe(200);
    const first = board.body.columns[0];
    // 12 deals of 999,999,999,999,999: 11,999,999,999,999,988 > 2^53 (9,007,199,254,740,992), every digit kept.
    expect(first.totals).toEqual([
      expect.objectContaining({ currency: 'USD', totalMinor: '11999999999999988' }),
    ]);
    expect(BigInt(first.totals[0].weightedMinor)).toBe(
      (11_999_999_999_999_988n * BigInt(first.probability) + 50n) / 100n,
    );
  });
});
