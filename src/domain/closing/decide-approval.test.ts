import { describe, expect, it } from 'vitest';
import {
  approve,
  approvedOffer,
  draftedOffer,
  OFFER_NOW,
  PEOPLE,
  PROPOSE_DEAL,
  submittedOffer,
  unwrap,
} from '../../../test/support/offer-fixtures.js';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import type { Principal } from '../access/principal.js';
import { type ApprovalRequest, decideApproval, submitForApproval } from './decide-approval.js';
import { currentVersion, type Offer } from './offer.js';

const playbook = firebolt();
const decide = (offer: Offer, by: Principal, request: Partial<ApprovalRequest> = {}, deal = PROPOSE_DEAL) =>
  decideApproval(
    offer,
    deal,
    { versionNumber: 1, decision: 'approve', comment: null, ...request },
    by,
    OFFER_NOW,
  );
const refusal = (result: ReturnType<typeof decide>) => (result.ok ? null : result.error);

describe('submitting for approval', () => {
  it("locks the draft and resolves the chain: the RVP of the deal's region, then VP Finance", () => {
    const version = currentVersion(submittedOffer());
    expect(version).toMatchObject({ status: 'in_approval', submittedBy: 'user_ae', submittedAt: OFFER_NOW });
    expect(version.chain?.map((step) => [step.key, step.role, step.region])).toEqual([
      ['regional_vp', 'rvp', 'emea'],
      ['finance', 'vp_finance', null],
    ]);
  });

  it('refuses what is not a draft, an expired draft, and a deal no longer at an offer stage', () => {
    const submit = (offer: Offer, deal = PROPOSE_DEAL, at = OFFER_NOW) =>
      submitForApproval(playbook, offer, deal, 'user_ae', at);
    expect(refusal(submit(submittedOffer()))).toMatchObject({ code: 'not_a_draft', message: /in approval/ });
    expect(refusal(submit(approvedOffer()))?.code).toBe('not_a_draft');
    expect(refusal(submit(draftedOffer(), PROPOSE_DEAL, new Date('2027-01-01T00:00:00Z')))).toMatchObject({
      code: 'offer_expired',
      message: 'Version 1 expired on 2026-12-31; revise its validity first.',
    });
    expect(refusal(submit(draftedOffer(), { ...PROPOSE_DEAL, stage: 'poc' }))?.code).toBe('stage_too_early');
  });
});

describe('deciding a step', () => {
  it('approves step by step: in approval after the RVP, approved after VP Finance', () => {
    const afterRvp = unwrap(approve(submittedOffer(), PEOPLE.rvp));
    expect(currentVersion(afterRvp)).toMatchObject({
      status: 'in_approval',
      decisions: [{ stepKey: 'regional_vp', decidedBy: 'user_rvp' }],
    });
    const done = unwrap(approve(afterRvp, PEOPLE.finance));
    expect(currentVersion(done).status).toBe('approved');
    expect(currentVersion(done).decisions.map((d) => [d.stepIndex, d.decision, d.decidedRole])).toEqual([
      [0, 'approved', 'rvp'],
      [1, 'approved', 'vp_finance'],
    ]);
  });

  it.each([
    [
      'the author',
      { ...PEOPLE.rvp, id: 'user_ae' },
      'self_approval',
      'You wrote version 1; another person must decide on it.',
    ],
    [
      'the deal owner',
      PEOPLE.rvp,
      'self_approval',
      'You own this deal; another person must decide on its offer.',
    ],
    [
      "another region's RVP",
      PEOPLE.rvpAbroad,
      'not_an_approver',
      'Step 1 of 2 (Regional VP Sales approval) is for a Regional VP Sales of region emea; you are Regional VP Sales of region americas.',
    ],
    [
      'an admin',
      PEOPLE.admin,
      'not_an_approver',
      'Step 1 of 2 (Regional VP Sales approval) is for a Regional VP Sales of region emea; you are RevOps admin.',
    ],
    ['the AE', { ...PEOPLE.ae, id: 'user_other_ae' }, 'not_an_approver', /is for a Regional VP Sales/],
    [
      'VP Finance before the RVP',
      PEOPLE.finance,
      'step_out_of_order',
      'Step 2 of 2 (VP Finance approval) waits for step 1 of 2 (Regional VP Sales approval) first.',
    ],
  ])('refuses %s', (who, by, expected, message) => {
    const deal = who === 'the deal owner' ? { ...PROPOSE_DEAL, ownerId: PEOPLE.rvp.id } : PROPOSE_DEAL;
    expect(refusal(decide(submittedOffer(), by, {}, deal))).toEqual({
      code: expected,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    });
  });

  it('refuses the same person on two steps of one version (each step needs another person)', () => {
    const both = { ...PEOPLE.rvp, id: 'user_both' };
    const afterRvp = unwrap(decide(submittedOffer(), both));
    const financeToo = { ...both, role: 'vp_finance' as const };
    expect(refusal(decide(afterRvp, financeToo))).toMatchObject({
      code: 'approver_already_decided',
      message: /needs another person/,
    });
  });

  it('refuses a named step out of order, one already decided, and one not in the chain', () => {
    expect(refusal(decide(submittedOffer(), PEOPLE.rvp, { stepKey: 'finance' }))?.code).toBe(
      'step_out_of_order',
    );
    const afterRvp = unwrap(approve(submittedOffer(), PEOPLE.rvp));
    expect(refusal(decide(afterRvp, PEOPLE.rvpColleague, { stepKey: 'regional_vp' }))?.code).toBe(
      'step_already_decided',
    );
    expect(refusal(decide(afterRvp, PEOPLE.finance, { stepKey: 'legal' }))?.code).toBe('not_an_approver');
    expect(decide(afterRvp, PEOPLE.finance, { stepKey: 'finance' }).ok).toBe(true);
  });

  it('refuses a decision on a version that is not current, one not in approval, and on a closed deal', () => {
    expect(refusal(decide(submittedOffer(), PEOPLE.rvp, { versionNumber: 2 }))?.code).toBe(
      'version_not_current',
    );
    expect(refusal(decide(draftedOffer(), PEOPLE.rvp))).toEqual({
      code: 'not_in_approval',
      message: 'Version 1 is draft, not waiting for approval.',
    });
    expect(refusal(decide(approvedOffer(), PEOPLE.rvp))?.code).toBe('not_in_approval');
    expect(refusal(decide(submittedOffer(), PEOPLE.rvp, {}, { ...PROPOSE_DEAL, open: false }))?.code).toBe(
      'deal_closed',
    );
  });

  it('needs a comment to reject', () => {
    for (const comment of [null, '', '   ']) {
      expect(refusal(decide(submittedOffer(), PEOPLE.rvp, { decision: 'reject', comment }))).toEqual({
        code: 'comment_required',
        message: 'A rejection needs a comment saying what must change.',
      });
    }
  });

  it('rejects back to draft: the version is rejected with its decisions, a new draft has the same terms and none', () => {
    const afterRvp = unwrap(approve(submittedOffer(), PEOPLE.rvp));
    const rejected = unwrap(
      decide(afterRvp, PEOPLE.finance, { decision: 'reject', comment: ' Discount too deep ' }),
    );
    const [old, next] = rejected.versions;
    expect(old).toMatchObject({
      status: 'rejected',
      decisions: [{ decision: 'approved' }, { decision: 'rejected', comment: 'Discount too deep' }],
    });
    expect(next).toMatchObject({
      number: 2,
      status: 'draft',
      origin: 'rejected',
      basedOn: 1,
      createdBy: 'user_ae',
      decisions: [],
      chain: null,
    });
    expect(next?.options).toEqual(old?.options);
    expect(refusal(approve(rejected, PEOPLE.rvp, 1))?.code).toBe('version_not_current');
    expect(refusal(approve(rejected, PEOPLE.rvp, 2))?.code).toBe('not_in_approval');
  });
});
