import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { atRiskQuery, listDealsAtRisk } from '../../app/inspection/list-deals-at-risk.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { inspectionSchema } from '../schemas/inspection-schemas.js';
import { opportunitySchema } from '../schemas/record-schemas.js';

export const listDealsAtRiskRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/deals-at-risk',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'Deals at risk',
        description:
          'Open deals you may see whose health is red or whose velocity is At Risk, sorted by health (worst first), ' +
          'velocity (At Risk first), amount (largest first) or close date (soonest first), each with its account ' +
          'and inspection; pages with `cursor`. Looks at up to 5,000 open deals (`truncated`).',
        querystring: atRiskQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                opportunity: opportunitySchema,
                account: z.object({ id: z.string(), name: z.string() }),
                inspection: inspectionSchema,
              }),
            ),
            nextCursor: z
              .string()
              .nullable()
              .describe('Pass as `cursor` for the next page; null on the last'),
            scanned: z.number().int(),
            truncated: z.boolean(),
          }),
          ...problemResponses(400),
        },
      },
    },
    async (request) => unwrap(await listDealsAtRisk(app.context, request.actor, request.query)),
  );
};
