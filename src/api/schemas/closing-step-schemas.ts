import { z } from 'zod';

export const sentForSignatureSchema = z
  .object({
    envelopeId: z.string().describe('The DocuSign envelope the quote was sent in'),
    quoteId: z.string(),
    quoteNumber: z.string(),
    signerContactId: z.string().describe("The account's contact marked as the DocuSign signer"),
    offerVersion: z.number().int().describe("The offer's new concurrency version (its ETag)"),
  })
  .meta({ id: 'SentForSignature' });

export const awsOfferStepSchema = z
  .object({
    awsOfferStatus: z.enum(['created', 'released']),
    changeSetId: z.string().describe('The Marketplace Catalog API change set started'),
    marketplaceOfferId: z
      .string()
      .nullable()
      .describe('The Marketplace offer (offer-…), null while AWS still applies the create change set'),
    offerVersion: z.number().int().describe("The offer's new concurrency version (its ETag)"),
  })
  .meta({ id: 'AwsOfferStep' });
