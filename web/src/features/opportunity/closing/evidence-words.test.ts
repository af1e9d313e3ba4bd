import { describe, expect, it } from 'vitest';
import { awsOfferMeaning, envelopeMeaning } from './evidence-words';

const time = (value: string) => `at ${value}`;
const ENVELOPE = {
  quoteId: 'quote_1',
  quoteNumber: 'Q-2026-000001',
  envelopeId: 'env-1',
  signerContactId: 'con_1',
  sentBy: 'user_fin',
  sentAt: '2026-03-01T10:00:00Z',
  envelopeStatus: 'sent' as const,
  completedAt: null,
  endedReason: null,
};
const AWS_OFFER = {
  buyerAwsAccountId: '845735284135',
  adminContactId: 'con_2',
  createChangeSetId: 'cs-1',
  marketplaceOfferId: 'offer-1',
  createdBy: 'user_fin',
  createdAt: '2026-03-01T10:00:00Z',
  releaseChangeSetId: null,
  releasedAt: null,
  agreementId: null,
  agreementStart: null,
  acceptedAt: null,
  agreementEndedAt: null,
};

describe('what the closing evidence means', () => {
  it("follows the envelope from Finance's send to the signature, or its end unsigned", () => {
    expect(envelopeMeaning(null, 'Ada', time).text).toBe('Finance sends the latest quote to Ada.');
    expect(envelopeMeaning(ENVELOPE, 'Ada', time)).toMatchObject({ label: 'Sent', color: 'blue' });
    expect(envelopeMeaning({ ...ENVELOPE, envelopeStatus: 'delivered' }, 'Ada', time).text).toMatch(
      /^Ada opened the envelope/,
    );
    const signed = { ...ENVELOPE, envelopeStatus: 'completed' as const, completedAt: '2026-03-02' };
    expect(envelopeMeaning(signed, 'Ada', time)).toEqual({
      label: 'Signed',
      color: 'green',
      text: 'Signed at 2026-03-02: the signed quote is on file.',
    });
    const declined = { ...ENVELOPE, envelopeStatus: 'declined' as const, endedReason: 'price' };
    expect(envelopeMeaning(declined, 'Ada', time).text).toMatch(/^The envelope ended unsigned \(price\)/);
  });

  it('follows the private offer from draft to release and acceptance', () => {
    expect(awsOfferMeaning('none', null, 'Bo', time).label).toBe('Not created');
    expect(awsOfferMeaning('created', AWS_OFFER, 'Bo', time).text).toMatch(/releases it to 845735284135/);
    expect(awsOfferMeaning('released', AWS_OFFER, 'Bo', time).text).toMatch(/waiting for Bo to accept/);
    const accepted = { ...AWS_OFFER, agreementId: 'agmt-1', acceptedAt: '2026-03-03' };
    expect(awsOfferMeaning('accepted', accepted, 'Bo', time)).toMatchObject({
      label: 'Accepted',
      color: 'green',
      text: 'Accepted at 2026-03-03: the agreement is on file.',
    });
  });
});
