import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryClosingPorts } from '../../../test/support/memory-closing-ports.js';
import { buildOfferOrg, offerWithChoice, refusalOf, value } from '../../../test/support/offer-org.js';
import { readPdf } from '../../../test/support/pdf-text.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { saveContact } from '../../db/repositories/accounts-repo.js';
import { SIGNATURE_ANCHOR } from '../integrations/e-signature.js';
import { notConfigured } from '../integrations/integration-error.js';
import { generateQuote } from './generate-quote.js';
import { getOffer } from './get-offer.js';
import { sendQuoteForSignature } from './send-quote-for-signature.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function quotedOrg() {
  const org = await buildOfferOrg(database.db);
  const fake = memoryClosingPorts();
  const offer = await offerWithChoice(org, 'Three years');
  const quote = value(await generateQuote(org.context, org.as.finance, offer.id, { versionNumber: 1 }));
  return { org, fake, offer, quote };
}

const markSigner = (org: Awaited<ReturnType<typeof buildOfferOrg>>) =>
  saveContact(database.db, { ...org.contact, closingRoles: ['docusign_signer'] });

describe('sending the quote for signature', () => {
  it('Finance sends the latest quote to the signer: the version is sent for signature with its envelope', async () => {
    const { org, fake, offer, quote } = await quotedOrg();
    org.context.integrations = fake.ports;
    await markSigner(org);
    const refused = await sendQuoteForSignature(org.context, org.as.ae, offer.id, quote.id);
    expect(refusalOf(refused)).toEqual({ code: 'forbidden', refusal: 'not_quote_issuer' });

    const sent = value(await sendQuoteForSignature(org.context, org.as.finance, offer.id, quote.id));
    expect(sent).toMatchObject({
      envelopeId: 'env-1',
      quoteNumber: quote.number,
      signerContactId: org.contact.id,
    });
    expect(fake.envelopes).toHaveLength(1);
    const [envelope] = fake.envelopes;
    expect(envelope).toMatchObject({
      offerId: offer.id,
      versionNumber: 1,
      quoteNumber: quote.number,
      signer: { email: org.contact.email, contactId: org.contact.id },
    });
    expect((await readPdf(envelope?.documentPdf ?? new Uint8Array())).text).toContain(SIGNATURE_ANCHOR);
    const stored = value(await getOffer(org.context, org.as.ae, offer.id));
    expect(stored.versions[0]).toMatchObject({
      status: 'sent_for_signature',
      evidence: { envelope: { envelopeId: 'env-1', envelopeStatus: 'sent', quoteId: quote.id } },
    });
    const again = await sendQuoteForSignature(org.context, org.as.finance, offer.id, quote.id);
    expect(refusalOf(again)).toEqual({ code: 'conflict', refusal: 'not_quoted' });
    const events = await database.db
      .selectFrom('events')
      .innerJoin('outbox', 'outbox.event_id', 'events.id')
      .select('outbox.topic')
      .where('events.opportunity_id', '=', org.deal.id)
      .where('events.action', '=', 'opportunity.offer_sent_for_signature')
      .execute();
    expect(events).toEqual([{ topic: 'opportunity.offer_sent_for_signature' }]);
  });

  it('refuses without a signer, naming where to mark one, and an older quote of the version', async () => {
    const { org, fake, offer, quote } = await quotedOrg();
    org.context.integrations = fake.ports;
    const noSigner = await sendQuoteForSignature(org.context, org.as.finance, offer.id, quote.id);
    expect(refusalOf(noSigner)).toEqual({ code: 'conflict', refusal: 'no_docusign_signer' });
    expect(noSigner.ok ? '' : noSigner.error.message).toContain('DocuSign signer');
    expect(noSigner.ok ? '' : noSigner.error.message).toContain('/api/v1/contacts/{id}');
    await markSigner(org);
    value(await generateQuote(org.context, org.as.finance, offer.id, { versionNumber: 1 }));
    const old = await sendQuoteForSignature(org.context, org.as.finance, offer.id, quote.id);
    expect(refusalOf(old)).toEqual({ code: 'conflict', refusal: 'quote_not_latest' });
    expect(fake.envelopes).toHaveLength(0);
  });

  it('answers integration_not_configured with the variables, and leaves the version quoted', async () => {
    const { org, fake, offer, quote } = await quotedOrg();
    await markSigner(org);
    const unset = await sendQuoteForSignature(org.context, org.as.finance, offer.id, quote.id);
    expect(unset.ok ? null : unset.error).toMatchObject({
      code: 'integration_not_configured',
      integration: 'docusign',
    });
    org.context.integrations = fake.ports;
    fake.failNext(notConfigured('docusign', ['DOCUSIGN_BASE_PATH', 'DOCUSIGN_ACCOUNT_ID']));
    const failed = await sendQuoteForSignature(org.context, org.as.finance, offer.id, quote.id);
    expect(failed.ok ? null : failed.error).toMatchObject({
      variables: ['DOCUSIGN_BASE_PATH', 'DOCUSIGN_ACCOUNT_ID'],
    });
    expect(value(await getOffer(org.context, org.as.ae, offer.id)).versions[0]?.status).toBe('quoted');
  });
});
