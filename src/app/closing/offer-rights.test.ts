import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, buildUser } from '../../../test/support/factories.js';
import { buildOfferOrg, refusalOf, TERMS, value } from '../../../test/support/offer-org.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { actorFor } from '../access/actors.js';
import { decideApproval } from './decide-approval.js';
import { draftOffer } from './draft-offer.js';
import { getOffer } from './get-offer.js';
import { offerTermsInput } from './offer-inputs.js';
import { reviseOffer } from './revise-offer.js';
import { submitOfferForApproval } from './submit-offer-for-approval.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const approve = { versionNumber: 1, decision: 'approve' as const, comment: null };

describe('who may draft and change an offer', () => {
  it('the owning AE drafts; a teammate (reads, may not edit) gets 403, VP Finance 403, another region 404, the system 403', async () => {
    const org = await buildOfferOrg(database.db);
    const { context, as, deal } = org;
    expect(refusalOf(await draftOffer(context, as.teammate, deal.id, TERMS))?.code).toBe('forbidden');
    expect(refusalOf(await draftOffer(context, as.finance, deal.id, TERMS))?.code).toBe('forbidden');
    expect(refusalOf(await draftOffer(context, as.rvpAbroad, deal.id, TERMS))?.code).toBe('not_found');
    expect(await draftOffer(context, admin(), deal.id, TERMS)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/by people/) },
    });
    const drafted = await org.draft();
    expect(
      refusalOf(await reviseOffer(context, as.teammate, drafted.id, { ...TERMS, notes: null }))?.code,
    ).toBe('forbidden');
    // The region's RVP may edit the deal, so may revise: the new version is theirs, and they may not approve it.
    const byRvp = value(await reviseOffer(context, as.rvp, drafted.id, { ...TERMS, notes: 'RVP pricing' }));
    expect(byRvp.versions[1]?.createdBy).toBe(org.users.rvp.id);
    value(await submitOfferForApproval(context, as.ae, drafted.id));
    const own = await decideApproval(context, as.rvp, drafted.id, { ...approve, versionNumber: 2 });
    expect(refusalOf(own)).toEqual({ code: 'forbidden', refusal: 'self_approval' });
    expect(
      value(await decideApproval(context, as.rvpColleague, drafted.id, { ...approve, versionNumber: 2 }))
        .versions[1]?.approvedSteps,
    ).toBe(1);
  });

  it('refuses a deal before the playbook’s offer stage, naming both stages', async () => {
    const org = await buildOfferOrg(database.db, { stage: 'poc' });
    const result = await draftOffer(org.context, org.as.ae, org.deal.id, TERMS);
    expect(result.ok ? null : result.error).toEqual({
      code: 'conflict',
      refusal: 'stage_too_early',
      message: 'Offers are made from Propose on; the deal is at Proof of Concept.',
    });
  });

  it('refuses a stale offer version (412) and invalid terms at their fields (400)', async () => {
    const org = await buildOfferOrg(database.db);
    const drafted = await org.draft();
    expect(refusalOf(await submitOfferForApproval(org.context, org.as.ae, drafted.id, 7))?.code).toBe(
      'precondition_failed',
    );
    const bad = await draftOffer(org.context, org.as.ae, org.deal.id, { ...TERMS, validUntil: '2026-01-01' });
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'validation_failed',
      refusal: 'invalid_terms',
      issues: [{ path: 'validUntil' }],
    });
  });
});

describe('who may decide an approval step', () => {
  it("another region's RVP does not see the offer (404); an admin who sees it is outside the chain (403)", async () => {
    const org = await buildOfferOrg(database.db);
    const drafted = await org.draft();
    value(await submitOfferForApproval(org.context, org.as.ae, drafted.id));
    expect(refusalOf(await decideApproval(org.context, org.as.rvpAbroad, drafted.id, approve))?.code).toBe(
      'not_found',
    );
    expect(refusalOf(await getOffer(org.context, org.as.rvpAbroad, drafted.id))?.code).toBe('not_found');
    const revops = actorFor(await buildUser(database.db, { role: 'revops_admin', region: null }));
    expect(refusalOf(await decideApproval(org.context, revops, drafted.id, approve))).toEqual({
      code: 'forbidden',
      refusal: 'not_an_approver',
    });
    expect(refusalOf(await decideApproval(org.context, org.as.ae, drafted.id, approve))).toEqual({
      code: 'forbidden',
      refusal: 'self_approval',
    });
  });

  it('VP Finance sees an offer it approves on a deal it cannot read otherwise (a pipeline-category stage)', async () => {
    const org = await buildOfferOrg(database.db, { stage: 'propose' });
    const drafted = await org.draft();
    value(await submitOfferForApproval(org.context, org.as.ae, drafted.id));
    await database.db
      .updateTable('opportunities')
      .set({ forecast_category: 'pipeline' })
      .where('id', '=', org.deal.id)
      .execute();
    expect(value(await getOffer(org.context, org.as.finance, drafted.id)).id).toBe(drafted.id);
  });
});

describe('the database keeps submitted terms and decisions', () => {
  it('refuses to change a submitted version’s options and to delete or change a decision', async () => {
    const org = await buildOfferOrg(database.db);
    const drafted = await org.draft();
    value(await submitOfferForApproval(org.context, org.as.ae, drafted.id));
    value(await decideApproval(org.context, org.as.rvp, drafted.id, approve));
    await expect(
      sql`update offer_versions set options = '[{"name":"x"}]'::jsonb where offer_id = ${drafted.id}`.execute(
        database.db,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`delete from offer_approvals where offer_id = ${drafted.id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`update offer_approvals set comment = 'x' where offer_id = ${drafted.id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
  });
});

describe('offer terms input', () => {
  it.each([
    [{ currency: 'usd' }, 'currency'],
    [{ validUntil: '2026-02-30' }, 'validUntil'],
    [{ options: [] }, 'options'],
    [{ options: [{ ...TERMS.options[0], termMonths: 0 }] }, 'options.0.termMonths'],
    [{ options: [{ ...TERMS.options[0], pricePerYearMinor: 1.5 }] }, 'options.0.pricePerYearMinor'],
    [{ options: [{ ...TERMS.options[0], paymentSchedule: 'weekly' }] }, 'options.0.paymentSchedule'],
    [{ discount: 10 }, ''],
  ])('refuses %o naming the field', (patch, path) => {
    const parsed = offerTermsInput.safeParse({ ...TERMS, ...patch });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
