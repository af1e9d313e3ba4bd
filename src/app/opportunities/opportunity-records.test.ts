import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actor,
  admin,
  buildAccount,
  buildCustomerAccount,
  buildOpportunity,
  buildUser,
  testContext,
} from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { createOpportunity } from './create-opportunity.js';
import { getOpportunityHistory } from './get-opportunity-history.js';
import { listOpportunities } from './list-opportunities.js';
import { updateOpportunity } from './update-opportunity.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('creating opportunities', () => {
  it.each([
    ['new_business', 'new_business', 'created'],
    ['upsell', 'new_business', 'created'],
    ['renewal', 'renewal', 'open'],
    ['expansion', 'renewal', 'open'],
  ])('puts a %s deal in the %s pipeline at its first stage', async (type, pipeline, stage) => {
    const { context } = testContext(database.db);
    const owner = await buildUser(database.db);
    const account =
      type === 'new_business' ? await buildAccount(database.db) : await buildCustomerAccount(database.db);
    const opportunity = await buildOpportunity(context, { ownerId: owner.id, accountId: account.id, type });
    expect(opportunity).toMatchObject({
      type,
      pipeline,
      stage,
      probability: 0,
      forecastCategory: 'pipeline',
      version: 1,
    });
  });

  it('names every bad reference with its field', async () => {
    const { context } = testContext(database.db);
    const result = await createOpportunity(context, actor(), {
      accountId: 'acc_missing',
      ownerId: 'user_missing',
      name: 'x',
      type: 'partnership',
      amountMinor: 1,
      currency: 'USD',
      closeDate: '2027-01-01',
      source: 'ae',
    });
    expect(
      result.ok
        ? []
        : result.error.code === 'validation_failed' && result.error.issues.map((issue) => issue.path),
    ).toEqual(['type', 'accountId', 'ownerId']);
    const count = await database.db
      .selectFrom('opportunities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('name', '=', 'x')
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });
});

describe('updating opportunities', () => {
  it('records the changed fields before and after, and bumps the version', async () => {
    const { context } = testContext(database.db);
    const owner = await buildUser(database.db);
    const account = await buildAccount(database.db);
    const opportunity = await buildOpportunity(context, { ownerId: owner.id, accountId: account.id });
    const result = await updateOpportunity(
      context,
      actor(owner.id),
      opportunity.id,
      { amountMinor: 99_00, nextStep: 'Send pricing' },
      1,
    );
    expect(result.ok && result.value).toMatchObject({
      amountMinor: 99_00,
      nextStep: 'Send pricing',
      version: 2,
    });
    const history = await getOpportunityHistory(context, admin(), opportunity.id, { limit: 10 });
    const updated = history.ok ? history.value.items.at(-1) : undefined;
    expect(updated).toMatchObject({
      action: 'opportunity.updated',
      before: { amountMinor: 150_000_00, nextStep: null },
      after: { amountMinor: 99_00, nextStep: 'Send pricing' },
    });
  });

  it('keeps the type within the pipeline and refuses stale versions', async () => {
    const { context } = testContext(database.db);
    const owner = await buildUser(database.db);
    const account = await buildCustomerAccount(database.db);
    const opportunity = await buildOpportunity(context, {
      ownerId: owner.id,
      accountId: account.id,
      type: 'renewal',
    });
    const crossing = await updateOpportunity(context, actor(owner.id), opportunity.id, { type: 'upsell' });
    expect(crossing.ok ? 'ok' : crossing.error.code).toBe('validation_failed');
    const within = await updateOpportunity(
      context,
      actor(owner.id),
      opportunity.id,
      { type: 'expansion' },
      1,
    );
    expect(within.ok && within.value.type).toBe('expansion');
    const stale = await updateOpportunity(context, actor(owner.id), opportunity.id, { name: 'Renamed' }, 1);
    expect(stale.ok ? 'ok' : stale.error.code).toBe('precondition_failed');
  });
});

describe('listing opportunities', () => {
  it('filters and pages through every matching deal exactly once, in close-date order', async () => {
    const { context } = testContext(database.db);
    const owner = await buildUser(database.db);
    const other = await buildUser(database.db);
    const account = await buildAccount(database.db);
    const dates = [
      '2027-01-05',
      '2027-01-05',
      '2027-02-10',
      '2027-03-01',
      '2027-03-01',
      '2027-03-01',
      '2027-04-20',
    ];
    for (const closeDate of dates)
      await buildOpportunity(context, { ownerId: owner.id, accountId: account.id, closeDate });
    await buildOpportunity(context, { ownerId: other.id, accountId: account.id, closeDate: '2027-01-01' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOpportunities(context, admin(), {
        ownerId: owner.id,
        limit: 3,
        ...(cursor && { cursor }),
      });
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.value.items.map((item) => `${item.closeDate}/${item.id}`));
      cursor = page.value.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(dates.length);
    expect([...seen].sort()).toEqual(seen);
    const ranged = await listOpportunities(context, admin(), {
      ownerId: owner.id,
      closeDateFrom: '2027-02-01',
      closeDateTo: '2027-03-31',
      limit: 50,
    });
    expect(ranged.ok && ranged.value.items.map((item) => item.closeDate)).toEqual([
      '2027-02-10',
      '2027-03-01',
      '2027-03-01',
      '2027-03-01',
    ]);
  });

  it('refuses a cursor it did not issue', async () => {
    const { context } = testContext(database.db);
    const result = await listOpportunities(context, admin(), { limit: 5, cursor: 'garbage' });
    expect(result.ok ? 'ok' : result.error.code).toBe('validation_failed');
  });
});
