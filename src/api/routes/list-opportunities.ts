import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOpportunities } from '../../app/opportunities/list-opportunities.js';
import { opportunityListQuery } from '../../app/opportunities/opportunity-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pageOf } from '../pagination.js';
import { opportunitySchema } from '../schemas/record-schemas.js';

export const listOpportunitiesRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/opportunities',
    {
      schema: {
        operationId: 'listOpportunities',
        tags: ['opportunities'],
        summary: 'List opportunities',
        description:
          'In close-date order; filter by owner, account, type, stage, pipeline and close-date range.',
        querystring: opportunityListQuery,
        response: { 200: pageOf(opportunitySchema), ...problemResponses(400) },
      },
    },
    async (request) => unwrap(await listOpportunities(request.context, request.actor, request.query)),
  );
};
