import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreatePrivateOfferInput } from '../../src/app/integrations/private-offers.js';
import { installmentsFor } from '../../src/domain/closing/payment-installments.js';
import { marketplacePrivateOffers } from '../../src/integrations/aws-marketplace/marketplace-private-offers.js';
import { readMarketplaceSettings } from '../../src/integrations/aws-marketplace/marketplace-settings.js';
import { type FakeMarketplace, startFakeMarketplace } from '../support/fake-aws-marketplace.js';

let fake: FakeMarketplace;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startFakeMarketplace();
  // The SDK's default credential chain reads these first (no instance metadata is ever asked).
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAFAKEFORTESTS0001');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake-secret-for-the-local-catalog-fake');
  env = {
    AWS_MARKETPLACE_ENDPOINT: fake.endpoint,
    AWS_MARKETPLACE_REGION: 'us-east-1',
    AWS_MARKETPLACE_PRODUCT_ID: 'prod-abcdef123456',
    AWS_MARKETPLACE_DIMENSION_KEY: 'AnnualCommit',
  };
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

const offers = (overrides: NodeJS.ProcessEnv = {}) =>
  marketplacePrivateOffers(readMarketplaceSettings({ ...env, ...overrides }));

const input = (schedule: 'upfront' | 'annual'): CreatePrivateOfferInput => ({
  requestKey: `off_1#2#${schedule}`,
  name: 'Closepath Inc. — 24-month commit',
  description: 'Offer version 2, option Commit',
  buyerAwsAccountId: '845735284135',
  currency: 'USD',
  tcvMinor: 24_000_000n,
  termMonths: 24,
  installments: installmentsFor({ tcvMinor: 24_000_000n, termMonths: 24, schedule, startDate: '2026-04-01' }),
  acceptBy: '2026-03-31',
});

describe('the AWS Marketplace adapter against the fake Catalog API', () => {
  it('creates a draft private offer with the documented change types and terms, upfront', async () => {
    const started = await offers().createPrivateOffer(input('upfront'));
    expect(started).toEqual({
      ok: true,
      value: {
        changeSetId: expect.any(String),
        changeSetArn: expect.stringContaining(':AWSMarketplace/ChangeSet/'),
      },
    });
    const request = fake.startRequests.at(-1);
    expect(request?.ChangeSet.map((change) => change.ChangeType)).toEqual([
      'CreateOffer',
      'UpdateInformation',
      'UpdateTargeting',
      'UpdatePricingTerms',
      'UpdateLegalTerms',
      'UpdateValidityTerms',
      'UpdateAvailability',
    ]);
    const [create, , targeting, pricing] = request?.ChangeSet ?? [];
    expect(create?.DetailsDocument).toEqual({ ProductId: 'prod-abcdef123456' });
    expect(targeting?.DetailsDocument).toEqual({ PositiveTargeting: { BuyerAccounts: ['845735284135'] } });
    expect(pricing?.DetailsDocument).toMatchObject({
      PricingModel: 'Contract',
      Terms: [{ Type: 'FixedUpfrontPricingTerm', CurrencyCode: 'USD', Price: '240000.00', Duration: 'P24M' }],
    });
  });

  it('adds the payment schedule when the option is not paid upfront', async () => {
    await offers().createPrivateOffer(input('annual'));
    const changes = fake.startRequests.at(-1)?.ChangeSet ?? [];
    const schedule = changes.find((change) => change.ChangeType === 'UpdatePaymentScheduleTerms');
    expect(schedule?.DetailsDocument).toEqual({
      Terms: [
        {
          Type: 'PaymentScheduleTerm',
          CurrencyCode: 'USD',
          Schedule: [
            { ChargeDate: '2026-04-01', ChargeAmount: '120000.00' },
            { ChargeDate: '2027-04-01', ChargeAmount: '120000.00' },
          ],
        },
      ],
    });
  });

  it('keeps one idempotency token per request, and releases the created offer', async () => {
    const first = await offers().createPrivateOffer(input('upfront'));
    const retried = await offers().createPrivateOffer(input('upfront'));
    expect(retried.ok && first.ok && retried.value.changeSetId === first.value.changeSetId).toBe(true);
    if (!first.ok) throw new Error('no change set');
    const outcome = await offers().describeChangeSet(first.value.changeSetId);
    expect(outcome).toEqual({
      ok: true,
      value: { status: 'SUCCEEDED', offerId: expect.stringMatching(/^offer-/), failure: null },
    });
    if (!outcome.ok || !outcome.value.offerId) throw new Error('no offer');
    await offers().releasePrivateOffer({ requestKey: 'off_1#2', offerId: outcome.value.offerId });
    expect(fake.startRequests.at(-1)?.ChangeSet).toEqual([
      {
        ChangeType: 'ReleaseOffer',
        Entity: { Type: 'Offer@1.0', Identifier: outcome.value.offerId },
        DetailsDocument: {},
      },
    ]);
  });

  it("turns AWS's error into a clear refusal with its exception name", async () => {
    fake.failNext({
      status: 422,
      type: 'ValidationException',
      message: 'BuyerAccounts must be valid AWS account ids.',
    });
    const refused = await offers().createPrivateOffer(input('upfront'));
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'integration_refused',
        vendorCode: 'ValidationException',
        message: expect.stringContaining('BuyerAccounts must be valid'),
      }),
    });
  });

  it('answers "not configured" with the variables to set', async () => {
    const refused = await marketplacePrivateOffers(readMarketplaceSettings({})).createPrivateOffer(
      input('upfront'),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('integration_not_configured');
      expect(refused.error.message).toContain('AWS_MARKETPLACE_PRODUCT_ID');
    }
  });
});
