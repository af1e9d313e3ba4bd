import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  buildAccount,
  buildOpportunity,
  buildUser,
  testContext,
} from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { User } from '../../db/repositories/users-repo.js';
import { getAccount, listAccounts } from '../accounts/read-accounts.js';
import { updateAccount } from '../accounts/save-account.js';
import { changeStage } from '../opportunities/change-stage.js';
import { createOpportunity } from '../opportunities/create-opportunity.js';
import { getOpportunity } from '../opportunities/get-opportunity.js';
import { listOpportunities } from '../opportunities/list-opportunities.js';
import { setMeddpicc } from '../opportunities/set-meddpicc.js';
import { updateOpportunity } from '../opportunities/update-opportunity.js';
import { actorFor } from './actors.js';

let database: TestDatabase;
let org: Record<
  'rvpEmea' | 'aeEmea' | 'peerEmea' | 'sdrEmea' | 'seEmea' | 'rvpUs' | 'aeUs' | 'finance',
  User
>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const rvpEmea = await buildUser(db, { role: 'rvp', region: 'emea' });
  const rvpUs = await buildUser(db, { role: 'rvp', region: 'americas' });
  org = {
    rvpEmea,
    rvpUs,
    aeEmea: await buildUser(db, { role: 'ae', region: 'emea', managerId: rvpEmea.id }),
    peerEmea: await buildUser(db, { role: 'ae', region: 'emea', managerId: rvpEmea.id }),
    sdrEmea: await buildUser(db, { role: 'sdr', region: 'emea', managerId: rvpEmea.id }),
    seEmea: await buildUser(db, { role: 'se', region: 'emea', managerId: rvpEmea.id }),
    aeUs: await buildUser(db, { role: 'ae', region: 'americas', managerId: rvpUs.id }),
    finance: await buildUser(db, { role: 'vp_finance', region: null }),
  };
});
afterAll(() => database.close());

const as = (user: User) => actorFor(user);

async function emeaDeal() {
  const { context } = testContext(database.db);
  const account = await buildAccount(database.db, { ownerId: org.aeEmea.id });
  const deal = await buildOpportunity(context, { ownerId: org.aeEmea.id, accountId: account.id });
  return { context, account, deal };
}

describe('who sees a deal', () => {
  it('hides it from another region as if it did not exist, for reads and writes alike', async () => {
    const { context, deal } = await emeaDeal();
    const stranger = as(org.aeUs);
    for (const result of [
      await getOpportunity(context, stranger, deal.id),
      await changeStage(context, stranger, deal.id, { to: 'closed_lost', lossReason: 'budget' }),
      await updateOpportunity(context, stranger, deal.id, { name: 'Mine now' }, 999),
      await setMeddpicc(context, stranger, deal.id, 'metrics', { level: 'unknown' }),
    ]) {
      expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
    }
    const page = await listOpportunities(context, stranger, { limit: 200 });
    expect(page.ok && page.value.items.some((item) => item.id === deal.id)).toBe(false);
  });

  it('lets a teammate read but not change it (403), and the owner change it', async () => {
    const { context, deal } = await emeaDeal();
    expect((await getOpportunity(context, as(org.peerEmea), deal.id)).ok).toBe(true);
    const edit = await updateOpportunity(context, as(org.peerEmea), deal.id, { nextStep: 'x' });
    expect(edit.ok ? 'ok' : edit.error.code).toBe('forbidden');
    const move = await changeStage(context, as(org.peerEmea), deal.id, {
      to: 'closed_lost',
      lossReason: 'budget',
    });
    expect(move.ok ? 'ok' : move.error.code).toBe('forbidden');
    expect((await updateOpportunity(context, as(org.aeEmea), deal.id, { nextStep: 'Call CFO' })).ok).toBe(
      true,
    );
  });

  it('lets the region’s SE record qualification but not edit the deal', async () => {
    const { context, deal } = await emeaDeal();
    const qualified = await setMeddpicc(context, as(org.seEmea), deal.id, 'metrics', {
      level: 'identified',
      summary: '40% faster',
    });
    expect(qualified.ok).toBe(true);
    const edit = await updateOpportunity(context, as(org.seEmea), deal.id, { amountMinor: 1 });
    expect(edit.ok ? 'ok' : edit.error.code).toBe('forbidden');
  });

  it('shows Finance only the deals it must approve', async () => {
    const { context, deal } = await emeaDeal();
    const finance = as(org.finance);
    expect((await getOpportunity(context, finance, deal.id)).ok).toBe(false);
    await database.db
      .updateTable('opportunities')
      .set({ stage: 'signature', forecast_category: 'commit' })
      .where('id', '=', deal.id)
      .execute();
    expect((await getOpportunity(context, finance, deal.id)).ok).toBe(true);
    const page = await listOpportunities(context, finance, { limit: 200 });
    expect(
      page.ok &&
        page.value.items.every((item) => ['best_case', 'commit', 'closed'].includes(item.forecastCategory)),
    ).toBe(true);
  });
});

describe('owners', () => {
  it('lets an SDR create a deal for an AE of the region, and keeps it visible to the SDR', async () => {
    const { context, account } = await emeaDeal();
    const input = {
      accountId: account.id,
      name: 'Inbound lead',
      type: 'new_business',
      amountMinor: 1,
      currency: 'EUR',
      closeDate: '2027-05-01',
      source: 'sdr' as const,
    };
    const created = await createOpportunity(context, as(org.sdrEmea), { ...input, ownerId: org.aeEmea.id });
    expect(created.ok && created.value).toMatchObject({ ownerId: org.aeEmea.id, createdBy: org.sdrEmea.id });
    if (!created.ok) return;
    expect((await getOpportunity(context, as(org.sdrEmea), created.value.id)).ok).toBe(true);
    const abroad = await createOpportunity(context, as(org.sdrEmea), { ...input, ownerId: org.aeUs.id });
    expect(abroad.ok ? [] : abroad.error.code === 'validation_failed' && abroad.error.issues).toEqual([
      { path: 'ownerId', message: 'you may not assign records to this user' },
    ]);
  });

  it('refuses an AE who creates a deal for someone else or reassigns one', async () => {
    const { context, account, deal } = await emeaDeal();
    const forPeer = await createOpportunity(context, as(org.aeEmea), {
      accountId: account.id,
      name: 'x',
      type: 'new_business',
      amountMinor: 1,
      currency: 'EUR',
      closeDate: '2027-05-01',
      source: 'ae',
      ownerId: org.peerEmea.id,
    });
    expect(forPeer.ok ? 'ok' : forPeer.error.code).toBe('validation_failed');
    const handOff = await updateOpportunity(context, as(org.aeEmea), deal.id, { ownerId: org.peerEmea.id });
    expect(handOff.ok ? 'ok' : handOff.error.code).toBe('forbidden');
    const view = await getOpportunity(context, admin(), deal.id);
    expect(view.ok && view.value.opportunity.ownerId).toBe(org.aeEmea.id);
  });

  it('lets the RVP reassign within the region only', async () => {
    const { context, deal } = await emeaDeal();
    const abroad = await updateOpportunity(context, as(org.rvpEmea), deal.id, { ownerId: org.aeUs.id });
    expect(abroad.ok ? 'ok' : abroad.error.code).toBe('validation_failed');
    const moved = await updateOpportunity(context, as(org.rvpEmea), deal.id, { ownerId: org.peerEmea.id });
    expect(moved.ok && moved.value.ownerId).toBe(org.peerEmea.id);
  });
});

describe('accounts', () => {
  it('are scoped like deals: hidden from other regions, read-only for teammates', async () => {
    const { context, account } = await emeaDeal();
    expect((await getAccount(context, as(org.aeUs), account.id)).ok).toBe(false);
    const page = await listAccounts(context, as(org.aeUs), { limit: 200 });
    expect(page.ok && page.value.items.some((item) => item.id === account.id)).toBe(false);
    const edit = await updateAccount(context, as(org.peerEmea), account.id, { city: 'Bonn' });
    expect(edit.ok ? 'ok' : edit.error.code).toBe('forbidden');
    expect((await updateAccount(context, as(org.aeEmea), account.id, { city: 'Bonn' })).ok).toBe(true);
  });

  it('show a reader only the deals on them that the reader may see', async () => {
    const { context, account } = await emeaDeal();
    await buildOpportunity(context, { ownerId: org.aeUs.id, accountId: account.id });
    const view = await getAccount(context, as(org.aeEmea), account.id);
    expect(view.ok && view.value.opportunities.map((deal) => deal.ownerId)).toEqual([org.aeEmea.id]);
  });
});
