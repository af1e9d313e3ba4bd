import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getOpportunityHistory } from '../../app/opportunities/get-opportunity-history.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pageOf, paginationQuery } from '../pagination.js';
import { historyEventSchema, idParams } from '../schemas/record-schemas.js';

export const getOpportunityHistoryRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/opportunities/:id/history',
    {
      schema: {
        operationId: 'getOpportunityHistory',
        tags: ['opportunities'],
        summary: 'The history of an opportunity',
        description:
          'Every change, oldest first: actor, UTC time, before/after, and the gate snapshot of each stage change.',
        params: idParams,
        querystring: z.object(paginationQuery).strict(),
        response: { 200: pageOf(historyEventSchema), ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      unwrap(await getOpportunityHistory(request.context, request.actor, request.params.id, request.query)),
  );
};
