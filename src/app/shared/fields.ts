import { z } from 'zod';
import { countryCodeProblem, subdivisionCodeProblem } from '../../domain/geography/iso-3166.js';

/** Field schemas shared by every input at the boundary (HTTP, CLI, imports). */
export const id = z.string().min(1).max(64);
export const name = z.string().trim().min(1, 'must not be empty').max(200);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** A calendar day as YYYY-MM-DD, years 1000–9999 (PostgreSQL has no year 0). */
export const isoDate = z.iso
  .date({ message: 'a date as YYYY-MM-DD' })
  // Only a well-formed year 0 says this: anything else already has its one message.
  .refine((text) => !/^0\d{3}-/.test(text), 'a year between 1000 and 9999');
/** The ISO 4217 currencies the runtime's ICU data knows (Node's Intl: 160-odd active codes). */
const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));
export const isIso4217 = (code: string): boolean => ISO_4217.has(code);

/** One message per bad code: its shape first, then whether ISO 4217 knows it. */
export const currency = z.string().superRefine((code, ctx) => {
  if (!/^[A-Z]{3}$/.test(code))
    ctx.addIssue({ code: 'custom', message: 'an ISO 4217 currency code such as USD' });
  else if (!isIso4217(code))
    ctx.addIssue({ code: 'custom', message: 'not an ISO 4217 currency code (e.g. USD, EUR, JPY)' });
});
/**
 * The money range of one amount: 0 to 10^15 − 1 minor units (under ten trillion dollars), exact as a JSON number
 * and in JavaScript. Sums of amounts are not numbers but decimal strings, so no total can overflow (decision 011).
 */
export const MAX_AMOUNT_MINOR = 999_999_999_999_999;
const amountProblem = (value: number): string | null => {
  if (value < 0) return 'must not be negative';
  if (value > MAX_AMOUNT_MINOR) return 'at most 999,999,999,999,999 minor units (cents)';
  return Number.isInteger(value) ? null : 'an integer amount in minor units (cents)';
};
/** One message per bad amount (not "not an integer" and "too large" for 2^53), documented as a bounded integer. */
export const amountMinor = z
  .number({ message: 'an integer amount in minor units (cents)' })
  .superRefine((value, ctx) => {
    const problem = amountProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ type: 'integer', minimum: 0, maximum: MAX_AMOUNT_MINOR });
export const httpUrl = z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).max(2000);

/** Where an issue's message comes from the domain's ISO 3166 rules (null: no issue). */
const checkedBy = (problemOf: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx) => {
  const problem = problemOf(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};
export const country = z
  .string()
  .superRefine(checkedBy(countryCodeProblem))
  .describe('An assigned ISO 3166-1 alpha-2 country code, e.g. US');
export const subdivision = z
  .string()
  .superRefine(checkedBy(subdivisionCodeProblem))
  .describe('An ISO 3166-2 subdivision code of the country, e.g. US-WA');

/** Page size: 1..200, 50 when not given. Query strings are text, hence the coercion. */
export const limitQuery = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .describe('How many items per page (1–200, default 50)');

/** An opaque cursor from a previous page's `nextCursor`; base64url, never built by clients. */
export const cursorQuery = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_-]+$/, 'a nextCursor value from a previous page')
  .optional()
  .describe("The previous page's nextCursor; omit for the first page");

/** Spread into a list query: `z.object({ ...pageQuery, ownerId: id.optional() })`. */
export const pageQuery = { limit: limitQuery, cursor: cursorQuery };

/** A UTC instant sent as ISO 8601 with a zone (2026-11-30T14:00:00Z), years 1000–9999. */
export const instant = z.iso
  .datetime({ offset: true, message: 'an ISO 8601 date-time with a zone, e.g. 2026-11-30T14:00:00Z' })
  .refine((text) => /^[1-9]\d{3}-/.test(text), 'a year between 1000 and 9999')
  .transform((text) => new Date(text));
