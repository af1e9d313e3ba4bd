import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { atRiskQuery, listDealsAtRisk } from '../../app/inspection/list-deals-at-risk.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { storedInspectionSchema } from '../schemas/inspection-schemas.js';
import { opportunitySchema } from '../schemas/record-schemas.js';

const atRiskTotalsSchema = z.object({
  deals: z.number().int(),
  amounts: z.array(
    z.object({
      currency: z.string(),
      amountMinor: z.string().describe('Sum in minor units, as a decimal string (a sum may pass 2^53)'),
    }),
  ),
});

export const listDealsAtRiskRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/deals-at-risk',
    {
      schema: {
        operationId: 'listDealsAtRisk',
        tags: ['opportunities'],
        summary: 'Deals at risk',
        description:
          'Open deals you may see whose health is red or whose velocity is At Risk, sorted by health (worst first), ' +
          'velocity (At Risk first), amount (largest first) or close date (soonest first), each with its account ' +
          'and inspection (with `fixFirst`, the one thing to do first); pages with `cursor`; `totals` and `byOwner` count ' +
          'every deal at risk under the filters. Read from the inspections stored with each deal, kept by every write and ' +
          'refreshed daily (each item says when it was computed).',
        querystring: atRiskQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                opportunity: opportunitySchema,
                account: z.object({ id: z.string(), name: z.string() }),
                inspection: storedInspectionSchema.describe(
                  "The stored inspection (as of `computedAt`); the customer fit is on the deal's own inspection",
                ),
              }),
            ),
            nextCursor: z
              .string()
              .nullable()
              .describe('Pass as `cursor` for the next page; null on the last'),
            totals: atRiskTotalsSchema.describe('Every deal at risk under the filters, not only this page'),
            byOwner: z
              .array(atRiskTotalsSchema.extend({ ownerId: z.string() }))
              .describe('The same per owner, most deals first'),
          }),
          ...problemResponses(400),
        },
      },
    },
    async (request) => unwrap(await listDealsAtRisk(request.context, request.actor, request.query)),
  );
};
