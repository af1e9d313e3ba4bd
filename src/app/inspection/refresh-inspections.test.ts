import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  buildAccount,
  buildOpportunity,
  buildUser,
  testContext,
} from '../../../test/support/factories.js';
import { northwind } from '../../../test/support/playbook-fixtures.js';
import { expectStoredMatchesFresh, readStoredInspection } from '../../../test/support/stored-inspection.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { findOpenDealHeads } from '../../db/repositories/deal-heads-repo.js';
import {
  listStaleInspections,
  refreshInspectionRows,
} from '../../db/repositories/inspection-refresh-repo.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { systemActor } from '../access/actors.js';
import { changeStage } from '../opportunities/change-stage.js';
import { updateOpportunity } from '../opportunities/update-opportunity.js';
import { loadPlaybookVersion } from '../playbook/load-playbook-version.js';
import { completeInspections } from './complete-inspections.js';
import { refreshInspections } from './refresh-inspections.js';
import { inspectionsOfDeals } from './store-inspections.js';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

/** A Tuesday morning. */
const TUESDAY = new Date('2026-09-01T09:00:00Z');
const WEDNESDAY = new Date('2026-09-02T09:00:00Z');

async function openDeals(count: number, playbook?: Playbook) {
  const clock = testContext(database.db, TUESDAY, playbook);
  const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
  const account = await buildAccount(database.db, { ownerId: owner.id });
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const pipeline = clock.context.playbook.pipelines[0]?.key;
    const deal = await buildOpportunity(clock.context, {
      ownerId: owner.id,
      accountId: account.id,
      ...(playbook && {
        type: playbook.opportunityTypes[0]?.key,
        pipeline,
        source: playbook.leadSources[0]?.key,
      }),
    });
    ids.push(deal.id);
  }
  return { ...clock, ids };
}

const computedAt = async (ids: readonly string[]) =>
  Promise.all(
    ids.map(async (id) => (await readStoredInspection(database.db, id))?.computed_at.toISOString()),
  );

describe('refreshing the stored inspections for the passing of time', () => {
  it('recomputes every row computed before asOf: a business day later, stored = fresh', async () => {
    const { context, setNow, ids } = await openDeals(3);
    const before = await readStoredInspection(database.db, ids[0] ?? '');
    setNow(WEDNESDAY);
    const outcome = await refreshInspections(context, { asOf: WEDNESDAY });
    expect(outcome).toMatchObject({ refreshed: 3, skipped: 0, backfilled: 0 });
    for (const id of ids) await expectStoredMatchesFresh(context, id);
    const after = await readStoredInspection(database.db, ids[0] ?? '');
    expect(after?.days_in_stage).toBe((before?.days_in_stage ?? 0) + 1);
    // Nothing is left: a second run finds nothing to do.
    expect(await refreshInspections(context, { asOf: WEDNESDAY })).toMatchObject({
      refreshed: 0,
      batches: 0,
    });
  });

  it('stores the open deals that have no row (the backfill), and not the closed ones', async () => {
    const { context, setNow, ids } = await openDeals(4);
    const lost = await changeStage(context, admin(), ids[3] ?? '', {
      to: 'closed_lost',
      lossReason: 'budget',
    });
    expect(lost.ok).toBe(true);
    await database.db.deleteFrom('deal_inspections').where('opportunity_id', 'in', ids.slice(0, 2)).execute();
    setNow(WEDNESDAY);
    const outcome = await refreshInspections(context, { asOf: TUESDAY });
    expect(outcome).toMatchObject({ refreshed: 0, backfilled: 2 });
    for (const id of ids.slice(0, 2)) await expectStoredMatchesFresh(context, id);
    expect(await readStoredInspection(database.db, ids[3] ?? '')).toBeUndefined();
  });

  it('resumes after a run that stopped after its first batch: the rows left are the cursor', async () => {
    const { context, setNow, ids } = await openDeals(5);
    setNow(WEDNESDAY);
    const stop = new Error('killed');
    await expect(
      refreshInspections(context, {
        asOf: WEDNESDAY,
        batchSize: 2,
        onBatch: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const times = await computedAt(ids);
    expect(times.filter((at) => at === WEDNESDAY.toISOString())).toHaveLength(2);
    const resumed = await refreshInspections(context, { asOf: WEDNESDAY, batchSize: 2 });
    expect(resumed).toMatchObject({ refreshed: 3, batches: 2 });
    for (const id of ids) await expectStoredMatchesFresh(context, id);
  });

  it('two runs at once refresh each row exactly once, and both leave stored = fresh', async () => {
    const { context, setNow, ids } = await openDeals(6);
    setNow(WEDNESDAY);
    const [first, second] = await Promise.all([
      refreshInspections(context, { asOf: WEDNESDAY, batchSize: 2 }),
      refreshInspections(context, { asOf: WEDNESDAY, batchSize: 2 }),
    ]);
    expect((first?.refreshed ?? 0) + (second?.refreshed ?? 0)).toBe(6);
    for (const id of ids) await expectStoredMatchesFresh(context, id);
  });

  it("keeps a user's write made between a batch's read and its write (compare-and-set)", async () => {
    const { context, setNow, ids } = await openDeals(2);
    const [raced = '', other = ''] = ids;
    setNow(WEDNESDAY);
    const read = await listStaleInspections(database.db, {
      asOf: WEDNESDAY,
      playbookVersion: 0,
      after: null,
      limit: 10,
    });
    const rows = await inspectionsOfDeals(
      context,
      database.db,
      await findOpenDealHeads(database.db, ids),
      WEDNESDAY,
    );
    // A user pushes the close date of one deal meanwhile: their use case stores its row.
    setNow(new Date(WEDNESDAY.getTime() + 5000));
    const pushed = await updateOpportunity(context, admin(), raced, { closeDate: '2027-06-30' });
    expect(pushed.ok).toBe(true);
    expect(await refreshInspectionRows(database.db, rows, read)).toEqual([other]);
    await expectStoredMatchesFresh(context, raced);
  });
});

describe('a playbook change', () => {
  it('recomputes every row under the new version when the app opens with it, once', async () => {
    const loader = systemActor('test-loader');
    const v1 = northwind();
    const first = await loadPlaybookVersion(testContext(database.db, TUESDAY, v1).context, loader, v1);
    if (!first.ok) throw new Error('refused');
    const { context, setNow, ids } = await openDeals(4, v1);
    context.playbookVersion = first.value.version.number;
    expect(await completeInspections(context, first.value.version)).toMatchObject({ refreshed: 4 });
    for (const id of ids) await expectStoredMatchesFresh(context, id);
    const scoreBefore = (await readStoredInspection(database.db, ids[0] ?? ''))?.health_score ?? 0;

    // The next version lowers the base score: every verdict changes.
    const v2 = northwind();
    v2.inspection.health.base -= 10;
    setNow(WEDNESDAY);
    const second = await loadPlaybookVersion(context, loader, v2);
    if (!second.ok) throw new Error('refused');
    const opened = { ...context, playbook: v2, playbookVersion: second.value.version.number };
    expect(await completeInspections(opened, second.value.version)).toMatchObject({ refreshed: 4 });
    const rows = await database.db.selectFrom('deal_inspections').select(['playbook_version']).execute();
    expect(rows.map((row) => row.playbook_version)).toEqual([2, 2, 2, 2]);
    for (const id of ids) await expectStoredMatchesFresh(opened, id);
    expect((await readStoredInspection(database.db, ids[0] ?? ''))?.health_score).toBe(scoreBefore - 10);
    // The version is complete: the next start does nothing.
    expect(await completeInspections(opened, second.value.version)).toBeNull();
  });
});
