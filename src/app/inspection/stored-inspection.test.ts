import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actor,
  admin,
  buildAccount,
  buildOpportunity,
  buildUser,
  logCall,
  testContext,
} from '../../../test/support/factories.js';
import { expectStoredMatchesFresh, readStoredInspection } from '../../../test/support/stored-inspection.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { actorFor } from '../access/actors.js';
import { changeStage } from '../opportunities/change-stage.js';
import { updateOpportunity } from '../opportunities/update-opportunity.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function dealOfOwnAe(start = new Date('2026-09-01T09:00:00Z')) {
  const clock = testContext(database.db, start);
  const owner = await buildUser(database.db, { role: 'ae', region: 'emea' });
  const account = await buildAccount(database.db, { ownerId: owner.id });
  const deal = await buildOpportunity(clock.context, { ownerId: owner.id, accountId: account.id });
  return { ...clock, deal, me: actor(owner.id, { role: 'ae', region: 'emea' }) };
}

describe('the inspection stored with each open deal', () => {
  it('is written when the deal is created, and equals a fresh inspection', async () => {
    const { context, deal } = await dealOfOwnAe();
    const stored = await expectStoredMatchesFresh(context, deal.id);
    expect(stored?.owner_id).toBe(deal.ownerId);
    expect(stored?.playbook_version).toBe(0);
  });

  it('follows a close-date push in the same transaction', async () => {
    const { context, deal, me, advanceDays } = await dealOfOwnAe();
    advanceDays(3);
    const pushed = await updateOpportunity(context, me, deal.id, { closeDate: '2027-06-30' });
    expect(pushed.ok).toBe(true);
    const afterPush = await expectStoredMatchesFresh(context, deal.id);
    expect(afterPush?.close_date).toBe('2027-06-30');
  });

  it('follows a stage change judged on what the change read (an override into the next stage)', async () => {
    const { context, deal, advanceDays } = await dealOfOwnAe();
    const rvp = await buildUser(database.db, { role: 'rvp', region: 'emea' });
    advanceDays(4);
    await logCall(context, admin(), deal.id, 'Kick-off call');
    const moved = await changeStage(context, actorFor(rvp), deal.id, {
      to: 'discover',
      override: { justification: 'Exec sponsor asked us to move fast' },
    });
    expect(moved.ok).toBe(true);
    const stored = await expectStoredMatchesFresh(context, deal.id);
    const reasons = (stored.detail as { health: { reasons: { indicator: string }[] } }).health.reasons;
    expect(reasons.map((reason) => reason.indicator)).toContain('gate_override');
  });

  it('is removed when the deal closes', async () => {
    const { context, deal, me } = await dealOfOwnAe();
    expect(await readStoredInspection(database.db, deal.id)).toBeDefined();
    const lost = await changeStage(context, me, deal.id, { to: 'closed_lost', lossReason: 'budget' });
    expect(lost.ok).toBe(true);
    expect(await readStoredInspection(database.db, deal.id)).toBeUndefined();
  });
});
