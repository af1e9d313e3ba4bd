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
