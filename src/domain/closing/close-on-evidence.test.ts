import { describe, expect, it } from 'vitest';
import { signedAndAccepted } from '../../../test/support/closing-facts-fixtures.js';
import { firebolt, northwind } from '../../../test/support/playbook-fixtures.js';
import type { Contract } from '../contract/contract.js';
import { findPipeline } from '../playbook/lookup.js';
import type { Pipeline } from '../playbook/playbook.js';
import { closeOnEvidence, contractTermsOf, invoicingRequestOf } from './close-on-evidence.js';

const pipeline = (playbook: ReturnType<typeof firebolt>, key: string): Pipeline => {
  const found = findPipeline(playbook, key);
  if (!found) throw new Error(`no pipeline ${key}`);
  return found;
};
const newBusiness = pipeline(firebolt(), 'new_business');
const WON_AT = new Date('2026-11-12T09:05:00Z');

describe('closing on evidence', () => {
  it('is ready when the chosen version is signed and its private offer accepted', () => {
    const decision = closeOnEvidence(newBusiness, signedAndAccepted());
    expect(decision.kind).toBe('ready');
    expect(decision.kind === 'ready' && decision.stage.outcome).toBe('won');
  });

  it('waits, naming what is not on file, while one evidence is missing', () => {
    const unsigned = closeOnEvidence(newBusiness, signedAndAccepted({ status: 'sent_for_signature' }));
    expect(unsigned.kind === 'waiting' && unsigned.unmet.map((entry) => entry.criterion.key)).toEqual([
      'nb_quote_signed',
    ]);
    const released = closeOnEvidence(newBusiness, signedAndAccepted({ awsOfferStatus: 'released' }));
    expect(released.kind === 'waiting' && released.unmet[0]?.verdict.message).toMatch(
      /offer-abc123 of offer version 2 is released, not yet accepted/,
    );
    const none = closeOnEvidence(newBusiness, null);
    expect(none.kind === 'waiting' && none.unmet).toHaveLength(2);
  });

  it('never closes on an agreement that has ended', () => {
    const base = signedAndAccepted();
    const ended = signedAndAccepted({
      evidence: {
        ...base.evidence,
        awsOffer: base.evidence.awsOffer && {
          ...base.evidence.awsOffer,
          agreementEndedAt: '2026-11-13T00:00:00Z',
        },
      },
    });
    expect(closeOnEvidence(newBusiness, ended).kind).toBe('waiting');
  });

  it('leaves a playbook whose won stage asks for no evidence to close by hand', () => {
    const sales = northwind().pipelines[0];
    if (!sales) throw new Error('no pipeline');
    expect(closeOnEvidence(sales, signedAndAccepted()).kind).toBe('by_hand');
  });
});

describe('the contract and the invoicing request of a won offer', () => {
  it('runs the chosen option’s term from the agreement’s start, for its TCV', () => {
    expect(contractTermsOf(signedAndAccepted(), WON_AT)).toEqual({
      startDate: '2026-12-01',
      endDate: '2029-11-30',
      tcvMinor: 300_000_00,
      currency: 'USD',
    });
  });

  it('starts on the day of acceptance when the agreement names no start', () => {
    const base = signedAndAccepted();
    const awsOffer = base.evidence.awsOffer && { ...base.evidence.awsOffer, agreementStart: null };
    const closing = signedAndAccepted({ evidence: { ...base.evidence, awsOffer } });
    expect(contractTermsOf(closing, WON_AT)).toMatchObject({
      startDate: '2026-11-12',
      endDate: '2029-11-11',
    });
  });

  it('bills the option’s schedule: three annual charges adding up to the TCV, with the vendor records', () => {
    const closing = signedAndAccepted();
    const contract: Contract = {
      id: 'ctr_9',
      accountId: 'acc_1',
      kind: 'commit',
      ...contractTermsOf(closing, WON_AT),
      opportunityId: 'opp_1',
      createdBy: 'system:docusign-events',
      createdAt: WON_AT,
      version: 1,
      endedOn: null,
      endedReason: null,
    };
    const request = invoicingRequestOf(closing, contract);
    expect(request.installments).toEqual([
      { chargeDate: '2026-12-01', amountMinor: 100_000_00 },
      { chargeDate: '2027-12-01', amountMinor: 100_000_00 },
      { chargeDate: '2028-12-01', amountMinor: 100_000_00 },
    ]);
    expect(request).toMatchObject({
      contractId: 'ctr_9',
      option: 'Three years',
      paymentSchedule: 'annual',
      quoteNumber: 'Q-2026-0007',
      agreementId: 'agmt-xyz789',
      marketplaceOfferId: 'offer-abc123',
    });
  });
});
