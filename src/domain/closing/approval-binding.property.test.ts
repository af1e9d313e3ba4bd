import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFER_NOW, OFFER_TERMS, PEOPLE, unwrap } from '../../../test/support/offer-fixtures.js';
import { firebolt, northwind } from '../../../test/support/playbook-fixtures.js';
import type { Principal } from '../access/principal.js';
import type { Playbook } from '../playbook/playbook.js';
import { holdsStep } from './approval-chain.js';
import { decideApproval, submitForApproval } from './decide-approval.js';
import { draftOffer, reviseOffer } from './draft-offer.js';
import { currentVersion, type Offer, type OfferDeal, type OfferTerms, type OfferVersion } from './offer.js';
import { markOfferPresented } from './present-offer.js';

const POOL: Principal[] = [
  ...Object.values(PEOPLE),
  { id: 'user_fin_2', role: 'vp_finance', region: null, managerId: null },
  { id: 'user_ae_2', role: 'ae', region: 'emea', managerId: null },
];
const byId = new Map(POOL.map((person) => [person.id, person]));
const EDITORS = ['user_ae', 'user_rvp'];
/** Everyone, the usual approvers more often (so that runs get far along the chain). */
const DECIDERS = [
  ...POOL.map((person) => person.id),
  ...['user_rvp', 'user_rvp', 'user_rvp_2', 'user_fin', 'user_fin', 'user_fin_2'],
];

const SETUPS: Record<'firebolt' | 'northwind', { playbook: Playbook; deal: OfferDeal }> = {
  firebolt: {
    playbook: firebolt(),
    deal: {
      id: 'opp_1',
      pipeline: 'new_business',
      stage: 'propose',
      ownerId: 'user_ae',
      region: 'emea',
      open: true,
    },
  },
  northwind: {
    playbook: northwind(),
    deal: {
      id: 'opp_2',
      pipeline: 'sales',
      stage: 'presentation_scheduled',
      ownerId: 'user_ae',
      region: 'emea',
      open: true,
    },
  },
};

const command = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('revise' as const),
      by: fc.constantFrom(...EDITORS),
      price: fc.integer({ min: 50_000_00, max: 120_000_00 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('submit' as const) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('approve' as const),
      by: fc.constantFrom(...DECIDERS),
      step: fc.constantFrom(undefined, undefined, undefined, 'regional_vp', 'finance', 'finance_review'),
      stale: fc.constantFrom(false, false, false, true),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reject' as const),
      by: fc.constantFrom(...DECIDERS),
      comment: fc.constantFrom(null, '', 'Too deep a discount'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('present' as const) }) },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

function termsAt(price: number): OfferTerms {
  const [first] = OFFER_TERMS.options;
  if (!first) throw new Error('no option');
  return {
    ...OFFER_TERMS,
    options: [
      { ...first, pricePerYearMinor: price, listPricePerYearMinor: 100_000_00, paymentSchedule: 'upfront' },
    ],
  };
}

function run(setup: (typeof SETUPS)['firebolt'], offer: Offer, step: Command): Offer {
  const { playbook, deal } = setup;
  const number = currentVersion(offer).number;
  const next = (() => {
    switch (step.kind) {
      case 'revise':
        return reviseOffer(
          playbook,
          offer,
          deal,
          { authorId: step.by, terms: termsAt(step.price) },
          OFFER_NOW,
        );
      case 'submit':
        return submitForApproval(playbook, offer, deal, 'user_ae', OFFER_NOW);
      case 'approve':
      case 'reject': {
        const request =
          step.kind === 'approve'
            ? {
                versionNumber: step.stale ? number - 1 : number,
                decision: 'approve' as const,
                comment: null,
                ...(step.step && { stepKey: step.step }),
              }
            : { versionNumber: number, decision: 'reject' as const, comment: step.comment };
        return decideApproval(offer, deal, request, byId.get(step.by) as Principal, OFFER_NOW);
      }
      case 'present':
        return markOfferPresented(offer, deal, number, 'user_ae', OFFER_NOW);
    }
  })();
  return next.ok ? next.value : offer;
}

const APPROVED = new Set(['approved', 'presented', 'option_chosen']);

/** Every applicable step approved, in order, by a distinct holder of the step who is neither author nor owner. */
function checkApprovedVersion(version: OfferVersion, deal: OfferDeal) {
  const chain = version.chain ?? [];
  expect(chain.length).toBeGreaterThan(0);
  expect(version.decisions).toHaveLength(chain.length);
  version.decisions.forEach((decision, index) => {
    const step = chain[index];
    const person = byId.get(decision.decidedBy);
    expect(decision).toMatchObject({ decision: 'approved', stepIndex: index, stepKey: step?.key });
    expect(step && person && holdsStep(step, person)).toBe(true);
    expect([version.createdBy, deal.ownerId]).not.toContain(decision.decidedBy);
  });
  expect(new Set(version.decisions.map((decision) => decision.decidedBy)).size).toBe(chain.length);
}

describe('approvals bind to a version (property)', () => {
  it('for any sequence of edits, submissions, approvals, rejections and presentations', () => {
    const reached = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.constantFrom('firebolt' as const, 'northwind' as const),
        fc.array(command, { maxLength: 40 }),
        (id, commands) => {
          const setup = SETUPS[id];
          let offer = unwrap(
            draftOffer(
              setup.playbook,
              setup.deal,
              { offerId: 'o', authorId: 'user_ae', terms: termsAt(90_000_00) },
              OFFER_NOW,
            ),
          );
          for (const step of commands) {
            const before = offer;
            offer = run(setup, offer, step);
            const current = currentVersion(offer);
            reached.set(current.status, (reached.get(current.status) ?? 0) + 1);
            for (const version of offer.versions) {
              if (APPROVED.has(version.status)) checkApprovedVersion(version, setup.deal);
              if (version.status === 'draft') expect(version).toMatchObject({ decisions: [], chain: null });
              if (version !== current) expect(['superseded', 'rejected']).toContain(version.status);
            }
            // No approval survives an edit: a new version starts with none.
            if (offer.versions.length > before.versions.length) expect(current.decisions).toEqual([]);
            // A submitted version never changes its terms.
            for (const old of before.versions.filter((v) => v.status !== 'draft')) {
              const same = offer.versions.find((v) => v.number === old.number);
              expect(same && [same.options, same.validUntil, same.notes]).toEqual([
                old.options,
                old.validUntil,
                old.notes,
              ]);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
    // Not vacuous: the runs reach every state the commands can make.
    for (const status of ['draft', 'in_approval', 'approved', 'presented'])
      expect(reached.get(status)).toBeGreaterThan(0);
    expect([...reached.keys()].sort()).toEqual(['approved', 'draft', 'in_approval', 'presented']);
  });
});
