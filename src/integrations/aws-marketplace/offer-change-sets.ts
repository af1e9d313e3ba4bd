import type { CreatePrivateOfferInput } from '../../app/integrations/private-offers.js';
import type { MarketplaceSettings } from './marketplace-settings.js';

/**
 * The Catalog API change sets of a private offer, in the shapes the AWS Marketplace API Reference documents
 * ("Work with private offers": CreateOffer, UpdateInformation, UpdateTargeting, UpdatePricingTerms,
 * UpdatePaymentScheduleTerms, UpdateLegalTerms, UpdateValidityTerms, UpdateAvailability, ReleaseOffer — the
 * SaaS contract examples with a flexible payment schedule). Pure data, sent as each change's DetailsDocument.
 */
export interface Change {
  ChangeType: string;
  ChangeName?: string;
  Entity: { Type: 'Offer@1.0'; Identifier?: string };
  DetailsDocument: Record<string, unknown>;
}

const CREATED = '$CreateOfferChange.Entity.Identifier';
const OFFER = { Type: 'Offer@1.0' } as const;

/** Minor units as the decimal text the Catalog API takes ("1200.00"), by the currency's own digits. */
export function decimalAmount(amountMinor: bigint, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (digits === 0) return amountMinor.toString();
  const text = (amountMinor < 0n ? -amountMinor : amountMinor).toString().padStart(digits + 1, '0');
  const sign = amountMinor < 0n ? '-' : '';
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const onCreated = (ChangeType: string, DetailsDocument: Record<string, unknown>): Change => ({
  ChangeType,
  Entity: { ...OFFER, Identifier: CREATED },
  DetailsDocument,
});

/** The draft private offer: created for the product, targeted at the buyer's account, with every term. */
export function createOfferChanges(input: CreatePrivateOfferInput, settings: MarketplaceSettings): Change[] {
  const currency = input.currency.toUpperCase();
  const scheduled = input.installments.length > 1;
  const grants = [{ DimensionKey: settings.dimensionKey, MaxQuantity: 1 }];
  const legal = settings.eulaUrl
    ? { Type: 'CustomEula', Url: settings.eulaUrl }
    : { Type: 'StandardEula', Version: '2022-07-14' };
  return [
    {
      ChangeType: 'CreateOffer',
      ChangeName: 'CreateOfferChange',
      Entity: OFFER,
      DetailsDocument: { ProductId: settings.productId },
    },
    onCreated('UpdateInformation', { Name: input.name, Description: input.description }),
    onCreated('UpdateTargeting', { PositiveTargeting: { BuyerAccounts: [input.buyerAwsAccountId] } }),
    onCreated('UpdatePricingTerms', {
      PricingModel: 'Contract',
      Terms: [
        {
          Type: 'FixedUpfrontPricingTerm',
          CurrencyCode: currency,
          // With a payment schedule the charges carry the money, as the documented example does.
          Price: scheduled ? '0.00' : decimalAmount(input.tcvMinor, currency),
          Duration: `P${input.termMonths}M`,
          Grants: grants,
        },
      ],
    }),
    ...(scheduled
      ? [
          onCreated('UpdatePaymentScheduleTerms', {
            Terms: [
              {
                Type: 'PaymentScheduleTerm',
                CurrencyCode: currency,
                Schedule: input.installments.map((charge) => ({
                  ChargeDate: charge.chargeDate,
                  ChargeAmount: decimalAmount(charge.amountMinor, currency),
                })),
              },
            ],
          }),
        ]
      : []),
    onCreated('UpdateLegalTerms', { Terms: [{ Type: 'LegalTerm', Documents: [legal] }] }),
    onCreated('UpdateValidityTerms', {
      Terms: [{ Type: 'ValidityTerm', AgreementDuration: `P${input.termMonths}M` }],
    }),
    onCreated('UpdateAvailability', { AvailabilityEndDate: input.acceptBy }),
  ];
}

export const releaseOfferChanges = (offerId: string): Change[] => [
  { ChangeType: 'ReleaseOffer', Entity: { ...OFFER, Identifier: offerId }, DetailsDocument: {} },
];
