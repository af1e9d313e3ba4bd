import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/api-client.js';
import { buildUser, T0 } from '../support/factories.js';
import { buildOfferOrg, TERMS } from '../support/offer-org.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let org: Awaited<ReturnType<typeof buildOfferOrg>>;
const as = {} as Record<'ae' | 'rvp' | 'rvpColleague' | 'rvpAbroad' | 'finance' | 'admin', ApiClient>;

beforeAll(async () => {
  api = await openTestApi();
  org = await buildOfferOrg(api.database.db);
  for (const key of ['ae', 'rvp', 'rvpColleague', 'rvpAbroad', 'finance'] as const)
    as[key] = await signIn(api.app, org.users[key]);
  as.admin = await signIn(api.app, await buildUser(api.database.db, { role: 'revops_admin', region: null }));
});
afterAll(() => api.close());

const offerUrl = (id: string, tail = '') => `/api/v1/offers/${id}${tail}`;
const inbox = async (client: ApiClient) => (await client.call('GET', '/api/v1/approvals')).body;
const count = async (client: ApiClient) => (await client.call('GET', '/api/v1/approvals/count')).body.total;

describe('an offer from draft to the customer’s choice, over HTTP', () => {
  let offerId = '';
  let etag = '';
  const ifMatch = () => ({ 'if-match': etag });
  const remember = (answer: { headers: Record<string, unknown> }) => {
    etag = answer.headers.etag as string;
  };

  it('the AE drafts (idempotent create; bad terms are 400 at their field); the deal lists it', async () => {
    const bad = await as.ae.call('POST', `/api/v1/opportunities/${org.deal.id}/offers`, {
      ...TERMS,
      options: [{ ...TERMS.options[0], termMonths: 0 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'body.options[0].termMonths' })]);

    const key = { 'idempotency-key': 'draft-offer-1' };
    const drafted = await as.ae.call('POST', `/api/v1/opportunities/${org.deal.id}/offers`, TERMS, key);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    expect(drafted.headers.etag).toBe('"v1"');
    offerId = drafted.body.id;
    remember(drafted);
    expect(drafted.headers.location).toBe(offerUrl(offerId));
    expect(drafted.body.versions[0]).toMatchObject({ number: 1, status: 'draft', chain: null });
    expect(drafted.body.versions[0].options[0]).toMatchObject({
      tcvMinor: 300_000_00,
      discountBasisPoints: 1666,
    });
    expect(drafted.body.permissions).toMatchObject({
      revise: { allowed: true },
      submit: { allowed: true },
      decide: { allowed: false },
    });
    const replay = await as.ae.call('POST', `/api/v1/opportunities/${org.deal.id}/offers`, TERMS, key);
    expect([replay.headers['idempotent-replayed'], replay.body.id]).toEqual(['true', offerId]);

    const listed = await as.ae.call('GET', `/api/v1/opportunities/${org.deal.id}/offers`);
    expect(listed.body.items.map((offer: { id: string }) => offer.id)).toEqual([offerId]);
  });

  it('a revision makes version 2; submission locks it (an edit is 409 offer_locked with its sentence)', async () => {
    const revised = await as.ae.call(
      'POST',
      offerUrl(offerId, '/versions'),
      { ...TERMS, notes: 'Second pass' },
      ifMatch(),
    );
    expect(revised.status).toBe(201);
    expect(revised.body.currentVersion).toBe(2);
    expect(revised.body.versions.map((v: { status: string }) => v.status)).toEqual(['superseded', 'draft']);
    remember(revised);

    const submitted = await as.ae.call('POST', offerUrl(offerId, '/submit'), undefined, ifMatch());
    expect(submitted.status).toBe(200);
    remember(submitted);
    const current = submitted.body.versions[1];
    expect(current.status).toBe('in_approval');
    expect(current.chain.map((step: { role: string }) => step.role)).toEqual(['rvp', 'vp_finance']);
    expect(current.pending[0]).toMatchObject({ waiting: true, region: 'emea' });
    expect(current.pending[0].approvers.map((a: { name: string }) => a.name).sort()).toEqual([
      'Ravi RVP',
      'Rhea RVP',
    ]);
    expect(submitted.body.permissions.revise).toMatchObject({ allowed: false });

    const edit = await as.ae.call('POST', offerUrl(offerId, '/versions'), TERMS, ifMatch());
    expect(edit.status).toBe(409);
    expect(edit.body.refusal).toEqual({
      code: 'offer_locked',
      message: expect.stringMatching(/^Version 2 is waiting for approval \(step 1 of 2/),
    });
  });

  it('the inbox shows the offer to the region’s RVPs only', async () => {
    const rvpInbox = await inbox(as.rvp);
    expect(rvpInbox.total).toBe(1);
    expect(rvpInbox.items[0]).toMatchObject({
      offerId,
      versionNumber: 2,
      offerVersion: 3,
      step: { role: 'rvp', index: 0 },
      approvedSteps: 0,
      totalSteps: 2,
      waitingSince: T0.toISOString(),
      submittedBy: org.users.ae.id,
      deal: {
        id: org.deal.id,
        name: org.deal.name,
        accountId: org.account.id,
        accountName: org.account.name,
        amountMinor: org.deal.amountMinor,
        ownerName: 'Ada AE',
      },
    });
    expect(await count(as.rvpColleague)).toBe(1);
    for (const other of [as.rvpAbroad, as.finance, as.ae, as.admin]) {
      expect(await inbox(other)).toEqual({ items: [], total: 0 });
    }
  });

  it('refuses the wrong approvers with the rule and its sentence; a stale If-Match is 412', async () => {
    const approve = { versionNumber: 2, decision: 'approve' };
    const abroad = await as.rvpAbroad.call('POST', offerUrl(offerId, '/decisions'), approve);
    expect(abroad.status).toBe(404); // another region's deal, and not its chain: nothing leaks
    expect((await as.rvpAbroad.call('GET', offerUrl(offerId))).status).toBe(404);

    const cases = [
      [as.finance, 409, 'step_out_of_order', /^Step 2 of 2 \(.+\) waits for step 1 of 2/],
      [as.ae, 403, 'self_approval', /another person must decide/],
      [as.admin, 403, 'not_an_approver', /is for a Regional VP Sales of region emea/],
    ] as const;
    for (const [client, status, code, message] of cases) {
      const answer = await client.call('POST', offerUrl(offerId, '/decisions'), approve, ifMatch());
      expect([answer.status, answer.body.refusal]).toEqual([
        status,
        { code, message: expect.stringMatching(message) },
      ]);
      expect(answer.body.detail).toBe(answer.body.refusal.message);
    }
    const noComment = await as.rvp.call('POST', offerUrl(offerId, '/decisions'), {
      versionNumber: 2,
      decision: 'reject',
    });
    expect([noComment.status, noComment.body.errors[0].path, noComment.body.refusal.code]).toEqual([
      400,
      'body.comment',
      'comment_required',
    ]);
    const stale = await as.rvp.call('POST', offerUrl(offerId, '/decisions'), approve, { 'if-match': '"v1"' });
    expect([stale.status, stale.body.currentVersion]).toEqual([412, 3]);
    const oldVersion = await as.rvp.call('POST', offerUrl(offerId, '/decisions'), {
      ...approve,
      versionNumber: 1,
    });
    expect([oldVersion.status, oldVersion.body.refusal.code]).toEqual([409, 'version_not_current']);
  });

  it('the region’s RVP then VP Finance approve; the inbox counts drop and move on', async () => {
    const approve = { versionNumber: 2, decision: 'approve', comment: 'Fine by me' };
    const byRvp = await as.rvp.call('POST', offerUrl(offerId, '/decisions'), approve, ifMatch());
    expect(byRvp.status).toBe(200);
    expect(byRvp.headers.etag).toBe('"v4"');
    remember(byRvp);
    expect(byRvp.body.versions[1].approvedSteps).toBe(1);
    expect([await count(as.rvp), await count(as.rvpColleague), await count(as.finance)]).toEqual([0, 0, 1]);

    const financeView = await as.finance.call('GET', offerUrl(offerId));
    expect([financeView.headers.etag, financeView.body.permissions.decide.allowed]).toEqual(['"v4"', true]);
    const byFinance = await as.finance.call(
      'POST',
      offerUrl(offerId, '/decisions'),
      { ...approve, step: byRvp.body.versions[1].chain[1].key },
      ifMatch(),
    );
    expect(byFinance.status, JSON.stringify(byFinance.body)).toBe(200);
    remember(byFinance);
    expect(byFinance.body.versions[1].status).toBe('approved');
    expect(byFinance.body.versions[1].decisions.map((d: { decidedBy: string }) => d.decidedBy)).toEqual([
      org.users.rvp.id,
      org.users.finance.id,
    ]);
    expect(await count(as.finance)).toBe(0);
  });

  it('the AE presents the approved version and records the customer’s choice', async () => {
    const early = await as.ae.call('POST', offerUrl(offerId, '/choice'), {
      versionNumber: 2,
      optionName: 'Three years',
      contactId: org.contact.id,
      confirmedAt: T0.toISOString(),
    });
    expect([early.status, early.body.refusal.code]).toEqual([409, 'not_presented']);

    const presented = await as.ae.call(
      'POST',
      offerUrl(offerId, '/presented'),
      { versionNumber: 2 },
      ifMatch(),
    );
    expect([presented.status, presented.body.versions[1].status]).toEqual([200, 'presented']);
    remember(presented);
    api.advance(60_000);

    const choice = {
      versionNumber: 2,
      optionName: 'Three years',
      contactId: org.stranger.id,
      confirmedAt: new Date(T0.getTime() + 30_000).toISOString(),
    };
    const stranger = await as.ae.call('POST', offerUrl(offerId, '/choice'), choice, ifMatch());
    expect([stranger.status, stranger.body.errors[0].path, stranger.body.refusal.code]).toEqual([
      400,
      'body.contactId',
      'contact_not_on_account',
    ]);
    const chosen = await as.ae.call(
      'POST',
      offerUrl(offerId, '/choice'),
      { ...choice, contactId: org.contact.id },
      ifMatch(),
    );
    expect(chosen.status).toBe(200);
    expect(chosen.body.versions[1]).toMatchObject({
      status: 'option_chosen',
      chosen: {
        optionName: 'Three years',
        confirmedByContactId: org.contact.id,
        confirmedAt: choice.confirmedAt,
        recordedBy: org.users.ae.id,
      },
    });
    const read = await as.ae.call('GET', offerUrl(offerId));
    expect(read.headers.etag).toBe(chosen.headers.etag);
    expect(read.body.permissions).toMatchObject({
      choose: { allowed: true },
      present: { allowed: false },
      decide: { allowed: false },
    });
  });
});
