import { z } from 'zod';
import { GEO_LEVELS } from '../../domain/territory/territory-model.js';

/** How the territory model routes an account (src/domain/territory/territory-model.ts Routing). */
export const routingSchema = z
  .union([
    z.object({
      ok: z.literal(true),
      territory: z.string().describe('The territory key'),
      territoryName: z.string(),
      ae: z.string().describe("The territory's AE, by e-mail"),
      region: z.string().describe('The region key'),
      rvp: z.string().describe("The region's RVP, by e-mail"),
      rule: z
        .object({
          territory: z.string(),
          rule: z.number().int().describe('The index of the rule in the territory'),
          level: z.enum(GEO_LEVELS),
          segmented: z.boolean().describe('The rule names segments'),
        })
        .describe('The rule that fired'),
      because: z.string().describe('Why, in words: "postal code 95113 is in the Bay Area metro …"'),
    }),
    z.object({
      ok: z.literal(false),
      reason: z
        .enum(['gap', 'overlap', 'needs_subdivision', 'excluded'])
        .describe(
          'gap: no rule matches; overlap: two territories at the same precedence; needs_subdivision: the ' +
            'country is split by subdivision and none was given; excluded: the model excludes the country',
        ),
      territories: z.array(z.string()),
      because: z.string(),
    }),
  ])
  .meta({ id: 'Routing' });
