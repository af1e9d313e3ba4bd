import { z } from 'zod';

export { cursorQuery, limitQuery, pageQuery as paginationQuery } from '../app/shared/fields.js';

/** The envelope of every list response. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  });
}
