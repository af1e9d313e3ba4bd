import { z } from 'zod';

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

/** Spread into a list route's querystring: `z.object({ ...paginationQuery, ownerId: id.optional() })`. */
export const paginationQuery = { limit: limitQuery, cursor: cursorQuery };

/** The envelope of every list response. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  });
}
