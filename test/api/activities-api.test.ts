import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/db/repositories/users-repo.js';
import { type ApiClient, signIn, signInNewUser } from '../support/api-client.js';
import { buildUser } from '../support/factories.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let admin: ApiClient;
let ae: ApiClient;
let rvp: ApiClient;
let aeUser: User;

beforeAll(async () => {
  api = await openTestApi();
  admin = await signInNewUser(api.app, { name: 'Grace Kim' });
  const rvpUser = await buildUser(api.database.db, { role: 'rvp', region: 'americas', name: 'Rita RVP' });
  aeUser = await buildUser(api.database.db, { role: 'ae', region: 'americas', managerId: rvpUser.id });
  ae = await signIn(api.app, aeUser);
  rvp = await signIn(api.app, rvpUser);
});
afterAll(() => api.close());

async function dealWithContact() {
  const account = await ae.call('POST', '/api/v1/accounts', {
    name: `Initech ${Math.random().toString(36).slice(2, 7)}`,
    segment: 'enterprise',
    country: 'US',
    ownerId: aeUser.id,
  });
  const contact = await ae.call('POST', `/api/v1/accounts/${account.body.id}/contacts`, {
    name: 'Peter Gibbons',
  });
  const deal = await ae.call('POST', '/api/v1/opportunities', {
    accountId: account.body.id,
    name: 'Initech — TPS analytics',
    type: 'new_business',
    amountMinor: 90_000_00,
    currency: 'USD',
    closeDate: '2027-04-30',
    ownerId: aeUser.id,
    source: 'sdr',
  });
  expect(deal.status).toBe(201);
  return { accountId: account.body.id as string, contactId: contact.body.id as string, dealId: deal.body.id };
}

const callNotes = async (dealId: string) => {
  const view = await ae.call('GET', `/api/v1/opportunities/${dealId}`);
  const byKey = (key: string) =>
    view.body.nextStage.checks.find((check: { key: string }) => check.key === key);
  return {
    notes: byKey('nb_call_notes'),
    followUp: byKey('nb_sdr_follow_up'),
    version: view.body.opportunity.version,
  };
};

describe('activities', () => {
  it('a logged call meets "Call notes" and points at it; the SDR follow-up needs a second one', async () => {
    const { dealId, contactId } = await dealWithContact();
    expect((await callNotes(dealId)).notes).toMatchObject({ met: false, source: 'derived' });
    const first = await ae.call('POST', `/api/v1/opportunities/${dealId}/activities`, {
      kind: 'call',
      occurredAt: '2026-11-01T15:00:00Z',
      contactIds: [contactId],
      summary: 'Discovery: TPS reports take 40 minutes to render',
      link: 'https://calls.example.com/rec/1',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'call',
      userIds: [aeUser.id],
      contactIds: [contactId],
      opportunityId: dealId,
    });
    const after = await callNotes(dealId);
    expect(after.notes).toMatchObject({
      met: true,
      activityId: first.body.id,
      message: 'Call on 2026-11-01: “Discovery: TPS reports take 40 minutes to render”.',
    });
    expect(after.followUp).toMatchObject({ met: false });
    expect(after.version).toBe(2);
    const second = await ae.call('POST', `/api/v1/opportunities/${dealId}/activities`, {
      kind: 'meeting',
      summary: 'Follow-up with the data team',
    });
    expect((await callNotes(dealId)).followUp).toMatchObject({ met: true, activityId: second.body.id });
  });

  it('refuses a future time, a contact of another account and an unknown colleague, at their fields, and saves nothing', async () => {
    const { dealId } = await dealWithContact();
    const other = await dealWithContact();
    const refused = await ae.call('POST', `/api/v1/opportunities/${dealId}/activities`, {
      kind: 'call',
      occurredAt: '2027-01-01T10:00:00Z',
      userIds: [aeUser.id, 'user_nobody'],
      contactIds: [other.contactId],
      summary: 'Planned call',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'body.occurredAt',
      'body.userIds.1',
      'body.contactIds.0',
    ]);
    const empty = await ae.call('POST', `/api/v1/opportunities/${dealId}/activities`, {
      kind: 'chat',
      summary: ' ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.kind',
      'body.summary',
    ]);
    const list = await ae.call('GET', `/api/v1/opportunities/${dealId}/activities`);
    expect(list.body.items).toEqual([]);
    expect((await callNotes(dealId)).version).toBe(1);
  });

  it('lists an account timeline newest first, its own and its deals’, page by page', async () => {
    const { accountId, dealId } = await dealWithContact();
    const times = ['2026-10-01T09:00:00Z', '2026-10-05T09:00:00Z', '2026-10-09T09:00:00Z'];
    await ae.call('POST', `/api/v1/accounts/${accountId}/activities`, {
      kind: 'email',
      occurredAt: times[0],
      summary: 'Intro email',
    });
    await ae.call('POST', `/api/v1/opportunities/${dealId}/activities`, {
      kind: 'call',
      occurredAt: times[1],
      summary: 'Call',
    });
    await ae.call('POST', `/api/v1/accounts/${accountId}/activities`, {
      kind: 'note',
      occurredAt: times[2],
      summary: 'Note',
    });
    const first = await rvp.call('GET', `/api/v1/accounts/${accountId}/activities?limit=2`);
    expect(first.body.items.map((item: { occurredAt: string }) => item.occurredAt)).toEqual([
      '2026-10-09T09:00:00.000Z',
      '2026-10-05T09:00:00.000Z',
    ]);
    expect(first.body.items.map((item: { mayChange: boolean }) => item.mayChange)).toEqual([false, false]);
    const second = await rvp.call(
      'GET',
      `/api/v1/accounts/${accountId}/activities?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toMatchObject({ items: [{ kind: 'email', opportunityId: null }], nextCursor: null });
    const deal = await ae.call('GET', `/api/v1/opportunities/${dealId}/activities`);
    expect(
      deal.body.items.map((item: { kind: string; mayChange: boolean }) => [item.kind, item.mayChange]),
    ).toEqual([['call', true]]);
    const badCursor = await ae.call('GET', `/api/v1/accounts/${accountId}/activities?cursor=WyJ4IiwieSJd`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].path).toBe('query.cursor');
  });

  it('edits and deletes only your own, with every change in the audit log', async () => {
    const { dealId } = await dealWithContact();
    const logged = await ae.call('POST', `/api/v1/opportunities/${dealId}/activities`, {
      kind: 'call',
      summary: 'Discovery',
    });
    const id = logged.body.id as string;
    const byRvp = await rvp.call('PATCH', `/api/v1/activities/${id}`, { summary: 'Rewritten' });
    expect(byRvp.status).toBe(403);
    expect(byRvp.body.detail).toBe('Only the person who logged it, or a RevOps admin, may change it.');
    const edited = await ae.call(
      'PATCH',
      `/api/v1/activities/${id}`,
      { summary: 'Discovery with the CFO', kind: 'meeting' },
      { 'if-match': '"v1"' },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ summary: 'Discovery with the CFO', kind: 'meeting', version: 2 });
    const stale = await ae.call(
      'PATCH',
      `/api/v1/activities/${id}`,
      { summary: 'x' },
      { 'if-match': '"v1"' },
    );
    expect(stale.status).toBe(412);
    expect((await ae.call('DELETE', `/api/v1/activities/${id}`)).status).toBe(204);
    expect((await callNotes(dealId)).notes).toMatchObject({ met: false });
    const history = await admin.call('GET', `/api/v1/opportunities/${dealId}/history?limit=200`);
    const actions = history.body.items
      .filter((event: { entityType: string }) => event.entityType === 'activity')
      .map((event: { action: string; before: unknown; after: unknown }) => [
        event.action,
        event.before,
        event.after,
      ]);
    expect(actions).toEqual([
      ['activity.logged', null, expect.objectContaining({ summary: 'Discovery' })],
      [
        'activity.updated',
        { kind: 'call', summary: 'Discovery' },
        { kind: 'meeting', summary: 'Discovery with the CFO' },
      ],
      ['activity.deleted', expect.objectContaining({ summary: 'Discovery with the CFO' }), null],
    ]);
  });
});
