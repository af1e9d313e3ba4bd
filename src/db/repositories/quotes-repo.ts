import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

/** A stored quote without its bytes: what lists show. */
export interface QuoteRecord {
  id: string;
  number: string;
  offerId: string;
  versionNumber: number;
  opportunityId: string;
  optionName: string;
  currency: string;
  tcvMinor: number;
  validUntil: string;
  sha256: string;
  byteSize: number;
  createdBy: string;
  createdAt: Date;
}

/** A quote as lists show it: with the issuer's name. */
export interface ListedQuote extends QuoteRecord {
  createdByName: string;
}

export interface StoredQuote extends QuoteRecord {
  pdf: Uint8Array;
}

const RECORD_COLUMNS = [
  'quotes.id',
  'quotes.number',
  'quotes.offer_id as offerId',
  'quotes.version_number as versionNumber',
  'quotes.opportunity_id as opportunityId',
  'quotes.option_name as optionName',
  'quotes.currency',
  'quotes.tcv_minor as tcvMinor',
  'quotes.valid_until as validUntil',
  'quotes.sha256',
  'quotes.byte_size as byteSize',
  'quotes.created_by as createdBy',
  'quotes.created_at as createdAt',
] as const;

/**
 * The next quote number of `year`, drawn in the caller's transaction: the upsert takes the year's counter row
 * lock until the transaction ends, so concurrent quotes (any number of processes) queue and never share a
 * number; a rollback returns the number.
 */
export async function drawQuoteSequence(trx: Kysely<Database>, year: number): Promise<number> {
  const row = await trx
    .insertInto('quote_counters')
    .values({ year, last_number: 1 })
    .onConflict((conflict) =>
      conflict.column('year').doUpdateSet({ last_number: sql`quote_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export async function insertQuote(trx: Kysely<Database>, quote: StoredQuote): Promise<void> {
  await trx
    .insertInto('quotes')
    .values({
      id: quote.id,
      number: quote.number,
      offer_id: quote.offerId,
      version_number: quote.versionNumber,
      opportunity_id: quote.opportunityId,
      option_name: quote.optionName,
      currency: quote.currency,
      tcv_minor: quote.tcvMinor,
      valid_until: quote.validUntil,
      pdf: quote.pdf,
      sha256: quote.sha256,
      byte_size: quote.byteSize,
      created_by: quote.createdBy,
      created_at: quote.createdAt,
    })
    .execute();
}

/** The quotes of a deal, or of one offer of it, newest first (without their bytes), with the issuer's name. */
export async function listQuotes(
  db: Kysely<Database>,
  filter: { opportunityId: string; offerId?: string },
): Promise<ListedQuote[]> {
  let query = db
    .selectFrom('quotes')
    .innerJoin('users', 'users.id', 'quotes.created_by')
    .select([...RECORD_COLUMNS, 'users.name as createdByName'])
    .where('quotes.opportunity_id', '=', filter.opportunityId);
  if (filter.offerId !== undefined) query = query.where('quotes.offer_id', '=', filter.offerId);
  return query.orderBy('quotes.created_at', 'desc').orderBy('quotes.number', 'desc').execute();
}

/** One quote with its bytes (a Uint8Array on both engines). */
export async function findQuote(db: Kysely<Database>, id: string): Promise<StoredQuote | undefined> {
  const row = await db
    .selectFrom('quotes')
    .select([...RECORD_COLUMNS, 'quotes.pdf'])
    .where('quotes.id', '=', id)
    .executeTakeFirst();
  return row && { ...row, pdf: new Uint8Array(row.pdf.buffer, row.pdf.byteOffset, row.pdf.byteLength) };
}
