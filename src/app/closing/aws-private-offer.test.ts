import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../../../test/support/factories.js';
import { memoryClosingPorts } from '../../../test/support/memory-closing-ports.js';
import { buildOfferOrg, offerWithChoice, refusalOf, value } from '../../../test/support/offer-org.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { saveAccount } from '../../db/repositories/accounts-repo.js';
import { createAwsPrivateOffer } from './create-aws-private-offer.js';
import { getOffer } from './get-offer.js';
import { releaseAwsPrivateOffer } from './release-aws-private-offer.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the AWS Marketplace private offer', () => {
  it('Finance creates it for the buyer account and its AWS admin, then releases it', async () => {
    const org = await buildOfferOrg(database.db);
    const fake = memoryClosingPorts();
    org.context.integrations = fake.ports;
    const offer = await offerWithChoice(org, 'Three years');
    const refused = await createAwsPrivateOffer(org.context, org.as.ae, offer.id);
    expect(refusalOf(refused)).toEqual({ code: 'forbidden', refusal: 'not_quote_issuer' });
    const early = await releaseAwsPrivateOffer(org.context, org.as.finance, offer.id);
    expect(refusalOf(early)).toEqual({ code: 'conflict', refusal: 'aws_offer_not_created' });

    const noAdmin = await createAwsPrivateOffer(org.context, org.as.finance, offer.id);
    expect(refusalOf(noAdmin)).toEqual({ code: 'conflict', refusal: 'no_aws_admin' });
    const admin = await buildContact(database.db, org.account.id, {
      name: 'Ari Admin',
      email: 'ari@acme.example',
      closingRoles: ['aws_admin'],
    });
    const noAccount = await createAwsPrivateOffer(org.context, org.as.finance, offer.id);
    expect(refusalOf(noAccount)).toEqual({ code: 'conflict', refusal: 'no_buyer_aws_account' });
    expect(noAccount.ok ? '' : noAccount.error.message).toContain('awsAccountId');
    await saveAccount(database.db, { ...org.account, awsAccountId: '123456789012' });

    const created = value(await createAwsPrivateOffer(org.context, org.as.finance, offer.id));
    expect(created).toMatchObject({
      awsOfferStatus: 'created',
      changeSetId: 'cs-create-1',
      marketplaceOfferId: 'offer-fake1',
    });
    expect(fake.created).toEqual([
      expect.objectContaining({ buyerAwsAccountId: '123456789012', tcvMinor: 300_000_00n, termMonths: 36 }),
    ]);
    const twice = await createAwsPrivateOffer(org.context, org.as.finance, offer.id);
    expect(refusalOf(twice)).toEqual({ code: 'conflict', refusal: 'aws_offer_exists' });

    const released = value(await releaseAwsPrivateOffer(org.context, org.as.finance, offer.id));
    expect(released).toMatchObject({ awsOfferStatus: 'released', marketplaceOfferId: 'offer-fake1' });
    expect(fake.released).toEqual([{ requestKey: `${offer.id}/1`, offerId: 'offer-fake1' }]);
    const stored = value(await getOffer(org.context, org.as.ae, offer.id)).versions[0];
    expect(stored).toMatchObject({
      awsOfferStatus: 'released',
      evidence: {
        awsOffer: {
          adminContactId: admin.id,
          marketplaceOfferId: 'offer-fake1',
          releaseChangeSetId: 'cs-release-1',
        },
      },
    });
  });
});
