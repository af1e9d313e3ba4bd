import { describe, expect, it } from 'vitest';
import {
  approve,
  approvedOffer,
  chosenOffer,
  draftedOffer,
  PEOPLE,
  PROPOSE_DEAL,
  presentedOffer,
  submittedOffer,
  unwrap,
} from '../../../test/support/offer-fixtures.js';
import { ok } from '../result.js';
import type { Offer, OfferVersion } from './offer.js';
import { type ClosingFacts, offerPermissions } from './offer-permissions.js';
import { refuse } from './offer-refusal.js';

/** Everything on file and both integrations configured: only the offer and the caller decide. */
const FACTS: ClosingFacts = {
  latestQuote: null,
  signer: ok('con_signer'),
  awsAdmin: ok('con_admin'),
  buyerAwsAccount: ok('845735284135'),
  unconfigured: { eSignature: null, privateOffers: null },
};
const CLOSING_STEPS = ['sign', 'createAwsOffer', 'releaseAwsOffer'];

const allowedOf = (offer: Offer, who: (typeof PEOPLE)[keyof typeof PEOPLE], mayEdit: boolean) => {
  const permissions = offerPermissions(who, offer, PROPOSE_DEAL, mayEdit, FACTS);
  return Object.fromEntries(
    Object.entries(permissions)
      .filter(([key]) => !CLOSING_STEPS.includes(key))
      .map(([key, value]) => [key, value.allowed]),
  );
};

/** The offer with its current version changed (a later state the fixtures do not walk to). */
function withCurrent(offer: Offer, change: Partial<OfferVersion>): Offer {
  const versions = offer.versions.map((version, index) =>
    index === offer.versions.length - 1 ? { ...version, ...change } : version,
  );
  return { ...offer, versions };
}
const QUOTE = { id: 'quote_1', number: 'Q-2026-000001', versionNumber: 1 };
const quotedOffer = () => withCurrent(chosenOffer(), { status: 'quoted' });
const AWS_OFFER = {
  buyerAwsAccountId: '845735284135',
  adminContactId: 'con_admin',
  createChangeSetId: 'cs-1',
  marketplaceOfferId: 'offer-1',
  createdBy: 'user_fin',
  createdAt: '2026-11-02T10:00:00Z',
  releaseChangeSetId: null,
  releasedAt: null,
  agreementId: null,
  agreementStart: null,
  acceptedAt: null,
  agreementEndedAt: null,
};
const createdAwsOffer = () =>
  withCurrent(quotedOffer(), {
    awsOfferStatus: 'created',
    evidence: { envelope: null, awsOffer: AWS_OFFER },
  });
const closingOf = (offer: Offer, who = PEOPLE.finance, facts: Partial<ClosingFacts> = {}) => {
  const { sign, createAwsOffer, releaseAwsOffer } = offerPermissions(who, offer, PROPOSE_DEAL, false, {
    ...FACTS,
    ...facts,
  });
  return { sign, createAwsOffer, releaseAwsOffer };
};
const allowed = { allowed: true, who: null };

describe('what the caller may do with an offer', () => {
  it.each([
    [
      'a draft, its AE',
      draftedOffer,
      PEOPLE.ae,
      true,
      { revise: true, submit: true, decide: false, present: false, choose: false, quote: false },
    ],
    [
      'in approval, its AE',
      submittedOffer,
      PEOPLE.ae,
      true,
      { revise: false, submit: false, decide: false, present: false, choose: false, quote: false },
    ],
    [
      'in approval, the EMEA RVP',
      submittedOffer,
      PEOPLE.rvp,
      true,
      { revise: false, submit: false, decide: true, present: false, choose: false, quote: false },
    ],
    [
      'in approval, the Americas RVP',
      submittedOffer,
      PEOPLE.rvpAbroad,
      false,
      { revise: false, submit: false, decide: false, present: false, choose: false, quote: false },
    ],
    [
      'in approval, VP Finance (step 2)',
      submittedOffer,
      PEOPLE.finance,
      false,
      { revise: false, submit: false, decide: false, present: false, choose: false, quote: false },
    ],
    [
      'step 2 waiting, VP Finance',
      () => unwrap(approve(submittedOffer(), PEOPLE.rvp)),
      PEOPLE.finance,
      false,
      { revise: false, submit: false, decide: true, present: false, choose: false, quote: false },
    ],
    [
      'approved, its AE',
      approvedOffer,
      PEOPLE.ae,
      true,
      { revise: true, submit: false, decide: false, present: true, choose: false, quote: false },
    ],
    [
      'option chosen, VP Finance',
      chosenOffer,
      PEOPLE.finance,
      false,
      { revise: false, submit: false, decide: false, present: false, choose: false, quote: true },
    ],
    [
      'option chosen, its AE',
      chosenOffer,
      PEOPLE.ae,
      true,
      { revise: true, submit: false, decide: false, present: false, choose: true, quote: false },
    ],
  ] as const)('%s', (_, offer, who, mayEdit, expected) => {
    expect(allowedOf(offer(), who, mayEdit)).toEqual(expected);
  });

  it('says who may instead: the edit right, the step waiting, or where the offer stands', () => {
    const submitted = submittedOffer();
    const asAe = offerPermissions(PEOPLE.ae, submitted, PROPOSE_DEAL, true, FACTS);
    expect(asAe.revise.who).toMatch(/^Version 1 is waiting for approval/);
    expect(asAe.decide.who).toBe(
      'Step 1 of 2 (Regional VP Sales approval) is for a Regional VP Sales of region emea, other than the ' +
        'author, the deal’s owner and whoever decided an earlier step.',
    );
    expect(offerPermissions(PEOPLE.finance, submitted, PROPOSE_DEAL, false, FACTS).submit.who).toMatch(
      /^Who may: /,
    );
    const closed = { ...PROPOSE_DEAL, open: false };
    expect(offerPermissions(PEOPLE.rvp, submitted, closed, true, FACTS).decide.allowed).toBe(false);
  });

  describe("Finance's closing steps, by the use cases' own checks", () => {
    it('sends the latest quote of a quoted version, to the signer on file, once DocuSign is configured', () => {
      expect(closingOf(quotedOffer(), PEOPLE.finance, { latestQuote: QUOTE }).sign).toEqual(allowed);
      expect(closingOf(chosenOffer()).sign.who).toMatch(/^Version 1 is option chosen; a quote is sent/);
      expect(closingOf(quotedOffer()).sign.who).toBe('Version 1 has no quote yet: generate it first.');
      const sent = withCurrent(quotedOffer(), { status: 'sent_for_signature' });
      expect(closingOf(sent, PEOPLE.finance, { latestQuote: QUOTE }).sign.who).toMatch(
        /is sent for signature/,
      );
      expect(closingOf(quotedOffer(), PEOPLE.ae, { latestQuote: QUOTE }).sign.who).toMatch(/Finance's/);
    });

    it('names what to record, then the variables to set, in the order the use case finds them', () => {
      const noSigner = refuse('no_docusign_signer', 'Acme has no DocuSign signer: mark one …');
      const unconfigured = {
        eSignature: 'The DocuSign integration is not configured on this server: set DOCUSIGN_BASE_PATH.',
        privateOffers:
          'The AWS Marketplace integration is not configured on this server: set AWS_MARKETPLACE_PRODUCT_ID.',
      };
      const facts = { latestQuote: QUOTE, signer: noSigner, unconfigured };
      expect(closingOf(quotedOffer(), PEOPLE.finance, facts).sign.who).toBe(
        'Acme has no DocuSign signer: mark one …',
      );
      const signerOnFile = closingOf(quotedOffer(), PEOPLE.finance, { ...facts, signer: ok('con_signer') });
      expect(signerOnFile.sign.who).toMatch(/set DOCUSIGN_BASE_PATH/);
      expect(signerOnFile.createAwsOffer.who).toMatch(/set AWS_MARKETPLACE_PRODUCT_ID/);
      const noBuyer = refuse('no_buyer_aws_account', 'Acme has no AWS account id: record …');
      const noAdmin = refuse('no_aws_admin', 'Acme has no AWS admin: mark one …');
      expect(closingOf(chosenOffer(), PEOPLE.finance, { buyerAwsAccount: noBuyer }).createAwsOffer.who).toBe(
        'Acme has no AWS account id: record …',
      );
      const neither = { buyerAwsAccount: noBuyer, awsAdmin: noAdmin };
      expect(closingOf(chosenOffer(), PEOPLE.finance, neither).createAwsOffer.who).toMatch(/no AWS admin/);
    });

    it('creates the private offer once the customer chose, in parallel with the signature; then releases it', () => {
      expect(closingOf(chosenOffer()).createAwsOffer).toEqual(allowed);
      expect(closingOf(chosenOffer()).releaseAwsOffer.who).toMatch(
        /no AWS private offer yet: create it first/,
      );
      expect(closingOf(presentedOffer()).createAwsOffer.who).toMatch(/the option the customer chose/);
      expect(closingOf(createdAwsOffer()).createAwsOffer.who).toMatch(/has its AWS private offer already/);
      expect(closingOf(createdAwsOffer()).releaseAwsOffer).toEqual(allowed);
      expect(closingOf(createdAwsOffer(), PEOPLE.rvp).releaseAwsOffer.allowed).toBe(false);
      const released = withCurrent(createdAwsOffer(), { awsOfferStatus: 'released' });
      expect(closingOf(released).releaseAwsOffer.who).toMatch(/is released already/);
    });
  });
});
