import { z } from 'zod';
import { SEGMENTS } from '../../domain/account/account.js';
import { GEO_LEVELS } from '../../domain/territory/territory-model.js';

const segments = z.array(z.enum(SEGMENTS));

/** The coverage proof of a territory model (src/domain/territory/territory-model.ts CoverageReport). */
export const coverageReportSchema = z
  .object({
    ok: z.boolean().describe('Every leaf geography × segment resolves to exactly one AE'),
    leaves: z.number().int().describe('Leaves checked (geographies × segments)'),
    gaps: z.array(
      z.object({
        geography: z.string().describe('A country code, a subdivision code, or US-CA/metro:Bay Area'),
        name: z.string(),
        segments: segments.describe('The segments no rule covers'),
      }),
    ),
    overlaps: z.array(
      z.object({
        geography: z.string(),
        name: z.string(),
        segments,
        territories: z.array(z.string()).describe('The territories whose rules of the same precedence match'),
        level: z.enum(GEO_LEVELS),
      }),
    ),
  })
  .meta({ id: 'CoverageReport' });
