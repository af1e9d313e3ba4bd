import type { ClosingFacts } from '../../src/domain/closing/closing-facts.js';

/** The chosen option's version of a deal whose quote is signed and whose private offer the buyer accepted. */
export function signedAndAccepted(overrides: Partial<ClosingFacts> = {}): ClosingFacts {
  return {
    offerId: 'ofr_1',
    versionNumber: 2,
    status: 'signed',
    awsOfferStatus: 'accepted',
    currency: 'USD',
    chosenOption: {
      name: 'Three years',
      termMonths: 36,
      pricePerYearMinor: 100_000_00,
      listPricePerYearMinor: 120_000_00,
      paymentSchedule: 'annual',
      tcvMinor: 300_000_00,
      discountBasisPoints: 1667,
    },
    evidence: {
      envelope: {
        quoteId: 'quo_1',
        quoteNumber: 'Q-2026-0007',
        envelopeId: '4b6f0c1e-0d3c-4d2a-9c55-1f0e8a2b7c11',
        signerContactId: 'con_signer',
        sentBy: 'user_finance',
        sentAt: '2026-11-10T10:00:00.000Z',
        envelopeStatus: 'completed',
        completedAt: '2026-11-11T15:30:00.000Z',
        endedReason: null,
      },
      awsOffer: {
        buyerAwsAccountId: '123456789012',
        adminContactId: 'con_admin',
        createChangeSetId: 'cs-create-1',
        marketplaceOfferId: 'offer-abc123',
        createdBy: 'user_finance',
        createdAt: '2026-11-10T11:00:00.000Z',
        releaseChangeSetId: 'cs-release-1',
        releasedAt: '2026-11-10T12:00:00.000Z',
        agreementId: 'agmt-xyz789',
        agreementStart: '2026-12-01T00:00:00Z',
        acceptedAt: '2026-11-12T09:00:00.000Z',
        agreementEndedAt: null,
      },
    },
    ...overrides,
  };
}
