import { z } from 'zod';
import { BOARD_SORTS } from '../../db/repositories/board-repo.js';
import { id } from '../shared/fields.js';

/** A calendar quarter, e.g. 2026-Q3: the deals whose close date falls in it. */
export const closeQuarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'a calendar quarter such as 2026-Q3')
  .describe('Close date within this calendar quarter, e.g. 2026-Q3');

export const boardQuery = z
  .object({
    ownerId: id.optional(),
    region: z.string().max(64).optional().describe("The owner's region"),
    type: z.string().max(64).optional(),
    closeQuarter: closeQuarter.optional(),
    q: z.string().trim().max(100).optional().describe("Text in the deal's or the account's name"),
    sort: z
      .enum(BOARD_SORTS)
      .optional()
      .describe(
        "The cards' order in each column: close date (soonest first; the default), health (worst first) or velocity " +
          '(At Risk first); deals without a stored inspection (closed ones) follow in close-date order',
      ),
  })
  .strict();
export type BoardQuery = z.infer<typeof boardQuery>;

/** First and last day of a quarter written as YYYY-Qn. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const index = Number(quarter.slice(6)) - 1;
  const from = new Date(Date.UTC(year, index * 3, 1));
  const to = new Date(Date.UTC(year, index * 3 + 3, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
