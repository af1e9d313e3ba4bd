import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../../../test/support/factories.js';
import { memoryClosingPorts } from '../../../test/support/memory-closing-ports.js';
import { buildOfferOrg, offerWithChoice, value } from '../../../test/support/offer-org.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { saveAccount, saveContact } from '../../db/repositories/accounts-repo.js';
import { createAwsPrivateOffer } from './create-aws-private-offer.js';
import { generateQuote } from './generate-quote.js';
import { getOffer } from './get-offer.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The offer view's closing rights and parties, as the use cases would judge them on this server. */
describe("the offer view's closing steps", () => {
  it('says what to record on the account, then which variables to set, then lets Finance act', async () => {
    const org = await buildOfferOrg(database.db);
    const offer = await offerWithChoice(org, 'Three years');
    value(await generateQuote(org.context, org.as.finance, offer.id, { versionNumber: 1 }));
    const view = async (actor = org.as.finance) => value(await getOffer(org.context, actor, offer.id));

    let seen = await view();
    expect(seen.permissions.sign.who).toMatch(/has no DocuSign signer: mark one of its contacts/);
    expect(seen.permissions.createAwsOffer.who).toMatch(/has no AWS admin/);
    expect(seen.parties).toMatchObject({ accountId: org.account.id, signer: null, awsAdmin: null });

    await saveContact(database.db, { ...org.contact, closingRoles: ['docusign_signer'] });
    await buildContact(database.db, org.account.id, {
      name: 'Al Admin',
      email: 'al@customer.example',
      closingRoles: ['aws_admin'],
    });
    seen = await view();
    expect(seen.parties.signer).toMatchObject({ contactId: org.contact.id, name: org.contact.name });
    expect(seen.permissions.sign.who).toMatch(/DocuSign integration is not configured.*DOCUSIGN_/);
    expect(seen.permissions.createAwsOffer.who).toMatch(/has no AWS account id: record the buyer's/);
    await saveAccount(database.db, { ...org.account, awsAccountId: '845735284135' });
    seen = await view();
    expect(seen.permissions.createAwsOffer.who).toMatch(/AWS Marketplace integration is not configured/);

    const fake = memoryClosingPorts();
    org.context.integrations = fake.ports;
    seen = await view();
    expect(seen.permissions.sign).toEqual({ allowed: true, who: null });
    expect(seen.permissions.createAwsOffer).toEqual({ allowed: true, who: null });
    expect(seen.permissions.releaseAwsOffer.allowed).toBe(false);
    expect((await view(org.as.ae)).permissions.sign.who).toMatch(/Finance's/);

    value(await createAwsPrivateOffer(org.context, org.as.finance, offer.id));
    seen = await view();
    expect(seen.permissions.createAwsOffer.allowed).toBe(false);
    expect(seen.permissions.releaseAwsOffer).toEqual({ allowed: true, who: null });
    expect(seen.parties.buyerAwsAccountId).toBe('845735284135');
  });
});
