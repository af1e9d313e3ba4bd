import { z } from 'zod';
import { parsePeriod } from '../../domain/forecast-changes/period.js';
import { isoDate } from '../shared/fields.js';

/** GET /forecast/changes and the CLI: two dates, the period judged, optionally one pipeline. */
export const changesQuery = z
  .object({
    from: isoDate.describe('Compare the snapshot taken on or before this day (UTC)…'),
    to: isoDate.describe('…with the snapshot taken on or before this day'),
    period: z
      .string()
      .max(16)
      .refine((text) => parsePeriod(text) !== null, 'a month (2026-11), a quarter (2026-Q4) or a year (2026)')
      .optional()
      .describe('The forecast period whose deals are compared; default: the calendar quarter of `to`'),
    pipeline: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must be on or after `from`' });
export type ChangesQuery = z.infer<typeof changesQuery>;
