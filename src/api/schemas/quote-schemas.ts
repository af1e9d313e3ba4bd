import { z } from 'zod';
import type { ListedQuote } from '../../db/repositories/quotes-repo.js';
import { timestamp } from './record-schemas.js';

export const quoteSchema = z
  .object({
    id: z.string(),
    number: z.string().describe('Unique and sequential per year: Q-2026-000123'),
    offerId: z.string(),
    versionNumber: z.number().int().describe('The offer version quoted'),
    opportunityId: z.string(),
    optionName: z.string().describe('The option the customer chose'),
    currency: z.string(),
    tcvMinor: z.number().int().describe('Total contract value of the option, in minor units'),
    validUntil: z.string().describe('The last day the quote holds (YYYY-MM-DD)'),
    sha256: z.string().describe('SHA-256 of the PDF, hex; also its ETag'),
    byteSize: z.number().int().describe('Size of the PDF in bytes'),
    createdBy: z.string(),
    createdByName: z.string(),
    createdAt: timestamp,
    downloadUrl: z.string().describe('Where the PDF is: GET it (application/pdf)'),
  })
  .meta({ id: 'Quote' });

export const quoteListSchema = z.object({ items: z.array(quoteSchema) }).meta({ id: 'QuoteList' });

export const quoteGeneratedSchema = z
  .object({
    quote: quoteSchema,
    offerVersion: z.number().int().describe("The offer's new concurrency version (its ETag)"),
  })
  .meta({ id: 'QuoteGenerated' });

/** Where a quote's PDF is downloaded. */
export const quotePdfPath = (id: string) => `/api/v1/quotes/${encodeURIComponent(id)}/pdf`;

export const quoteBody = (quote: ListedQuote) => ({ ...quote, downloadUrl: quotePdfPath(quote.id) });
