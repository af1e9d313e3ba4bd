import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfferOrg, refusalOf, TERMS, value } from '../../../test/support/offer-org.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { chooseOfferOption } from './choose-offer-option.js';
import { decideApproval } from './decide-approval.js';
import { getOffer } from './get-offer.js';
import { listOffersForDeal } from './list-offers-for-deal.js';
import { markOfferPresented } from './mark-offer-presented.js';
import { reviseOffer } from './revise-offer.js';
import { submitOfferForApproval } from './submit-offer-for-approval.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const approve = { versionNumber: 1, decision: 'approve' as const, comment: null };

async function eventsOf(dealId: string) {
  return database.db
    .selectFrom('events')
    .innerJoin('outbox', 'outbox.event_id', 'events.id')
    .select(['events.action', 'events.actor_id', 'events.after', 'outbox.topic'])
    .where('events.opportunity_id', '=', dealId)
    .where('events.action', 'like', 'opportunity.offer_%')
    .orderBy('events.id')
    .execute();
}

describe('an offer from draft to the customer’s choice', () => {
  it('drafts, submits, is approved by the region RVP then VP Finance, presented, and its option chosen — each audited', async () => {
    const org = await buildOfferOrg(database.db);
    const { context, as, users } = org;
    const drafted = await org.draft();
    expect(drafted).toMatchObject({ version: 1, currentVersion: 1, createdBy: users.ae.id });
    const [first] = drafted.versions;
    expect(first).toMatchObject({ status: 'draft', approvedSteps: 0, totalSteps: 0 });
    // A draft shows what its submission will need, and who could act on each step.
    expect(first?.pending.map((step) => [step.key, step.waiting, step.approvers.map((a) => a.name)])).toEqual(
      [
        ['regional_vp', false, ['Ravi RVP', 'Rhea RVP']],
        ['finance', false, ['Fin VP']],
      ],
    );

    const submitted = value(await submitOfferForApproval(context, as.ae, drafted.id, 1));
    expect(submitted.versions[0]).toMatchObject({
      status: 'in_approval',
      totalSteps: 2,
      pending: [
        { key: 'regional_vp', waiting: true },
        { key: 'finance', waiting: false },
      ],
    });

    const early = await decideApproval(context, as.finance, drafted.id, approve);
    expect(refusalOf(early)).toEqual({ code: 'conflict', refusal: 'step_out_of_order' });
    const afterRvp = value(await decideApproval(context, as.rvp, drafted.id, approve));
    expect(afterRvp.versions[0]).toMatchObject({ status: 'in_approval', approvedSteps: 1 });
    expect(afterRvp.versions[0]?.pending).toEqual([
      expect.objectContaining({
        key: 'finance',
        waiting: true,
        approvers: [{ id: users.finance.id, name: 'Fin VP' }],
      }),
    ]);
    const approved = value(await decideApproval(context, as.finance, drafted.id, approve, afterRvp.version));
    expect(approved.versions[0]).toMatchObject({ status: 'approved', approvedSteps: 2, pending: [] });

    org.advanceDays(1);
    value(await markOfferPresented(context, as.ae, drafted.id, { versionNumber: 1 }));
    const confirmedAt = context.now().toISOString();
    const choice = { versionNumber: 1, optionName: 'One year', contactId: org.contact.id, confirmedAt };
    const stranger = await chooseOfferOption(context, as.ae, drafted.id, {
      ...choice,
      contactId: org.stranger.id,
    });
    expect(stranger.ok ? null : stranger.error).toMatchObject({
      code: 'validation_failed',
      refusal: 'contact_not_on_account',
      issues: [{ path: 'contactId' }],
    });
    const chosen = value(await chooseOfferOption(context, as.ae, drafted.id, choice));
    expect(chosen.versions[0]).toMatchObject({
      status: 'option_chosen',
      chosen: { optionName: 'One year', confirmedByContactId: org.contact.id, recordedBy: users.ae.id },
    });

    expect((await eventsOf(org.deal.id)).map((event) => [event.action, event.actor_id, event.topic])).toEqual(
      [
        ['opportunity.offer_drafted', users.ae.id, 'opportunity.offer_drafted'],
        ['opportunity.offer_submitted', users.ae.id, 'opportunity.offer_submitted'],
        ['opportunity.offer_approved', users.rvp.id, 'opportunity.offer_approved'],
        ['opportunity.offer_approved', users.finance.id, 'opportunity.offer_approved'],
        ['opportunity.offer_presented', users.ae.id, 'opportunity.offer_presented'],
        ['opportunity.offer_option_chosen', users.ae.id, 'opportunity.offer_option_chosen'],
      ],
    );
    // The same offer, with the reader's own rights: Finance decides steps, it does not record the choice.
    const { permissions, ...reread } = value(await getOffer(context, as.finance, drafted.id));
    expect({ ...reread, permissions: chosen.permissions }).toEqual(chosen);
    expect([chosen.permissions.choose.allowed, permissions.choose.allowed]).toEqual([true, false]);
  });

  it('an edit makes a new version whose approvals start over; the old version keeps its decisions', async () => {
    const org = await buildOfferOrg(database.db);
    const { context, as } = org;
    const drafted = await org.draft();
    value(await submitOfferForApproval(context, as.ae, drafted.id));
    value(await decideApproval(context, as.rvp, drafted.id, approve));
    const locked = await reviseOffer(context, as.ae, drafted.id, { ...TERMS, notes: 'Cheaper' });
    expect(refusalOf(locked)).toEqual({ code: 'conflict', refusal: 'offer_locked' });
    value(await decideApproval(context, as.finance, drafted.id, approve));

    const cheaper = {
      ...TERMS,
      options: TERMS.options.map((option) => ({ ...option, pricePerYearMinor: 90_000_00 })),
    };
    const revised = value(await reviseOffer(context, as.ae, drafted.id, cheaper));
    expect(revised.versions.map((v) => [v.number, v.status, v.decisions.length])).toEqual([
      [1, 'superseded', 2],
      [2, 'draft', 0],
    ]);
    expect(refusalOf(await markOfferPresented(context, as.ae, drafted.id, { versionNumber: 2 }))).toEqual({
      code: 'conflict',
      refusal: 'not_fully_approved',
    });
    expect(refusalOf(await markOfferPresented(context, as.ae, drafted.id, { versionNumber: 1 }))).toEqual({
      code: 'conflict',
      refusal: 'version_not_current',
    });
    const rows = await database.db
      .selectFrom('offer_approvals')
      .select(['version_number', 'step_key'])
      .where('offer_id', '=', drafted.id)
      .execute();
    expect(rows).toEqual([
      { version_number: 1, step_key: 'regional_vp' },
      { version_number: 1, step_key: 'finance' },
    ]);
  });

  it('a rejection needs a comment and returns the offer to draft as a new version', async () => {
    const org = await buildOfferOrg(database.db);
    const { context, as } = org;
    const drafted = await org.draft();
    value(await submitOfferForApproval(context, as.ae, drafted.id));
    const silent = await decideApproval(context, as.rvp, drafted.id, {
      versionNumber: 1,
      decision: 'reject',
      comment: '  ',
    });
    expect(silent.ok ? null : silent.error).toMatchObject({
      code: 'validation_failed',
      refusal: 'comment_required',
      issues: [{ path: 'comment' }],
    });
    const rejected = value(
      await decideApproval(context, as.rvp, drafted.id, {
        versionNumber: 1,
        decision: 'reject',
        comment: 'Discount too deep for a 1-year term',
      }),
    );
    expect(rejected.versions.map((v) => [v.number, v.status, v.origin])).toEqual([
      [1, 'rejected', 'drafted'],
      [2, 'draft', 'rejected'],
    ]);
    expect(rejected.versions[0]?.decisions).toEqual([
      expect.objectContaining({ decision: 'rejected', comment: 'Discount too deep for a 1-year term' }),
    ]);
    const [event] = (await eventsOf(org.deal.id)).filter((e) => e.action === 'opportunity.offer_rejected');
    expect(event?.after).toMatchObject({
      version: 2,
      status: 'draft',
      decidedVersion: 1,
      step: 'regional_vp',
      comment: 'Discount too deep for a 1-year term',
    });
    // The new draft is submitted again like any other.
    expect(value(await submitOfferForApproval(context, as.ae, drafted.id)).versions[1]?.status).toBe(
      'in_approval',
    );
  });

  it('lists the offers of a deal for whoever may read it', async () => {
    const org = await buildOfferOrg(database.db);
    const first = await org.draft();
    org.advanceDays(1);
    const second = await org.draft({ ...TERMS, notes: 'Alternative' });
    const listed = value(await listOffersForDeal(org.context, org.as.teammate, org.deal.id));
    expect(listed.map((offer) => offer.id)).toEqual([first.id, second.id]);
    expect(refusalOf(await listOffersForDeal(org.context, org.as.rvpAbroad, org.deal.id))?.code).toBe(
      'not_found',
    );
  });
});
