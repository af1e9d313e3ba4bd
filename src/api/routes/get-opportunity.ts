import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getOpportunity } from '../../app/opportunities/get-opportunity.js';
import { etagFor } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams, opportunityViewSchema } from '../schemas/record-schemas.js';

export const getOpportunityRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/opportunities/:id',
    {
      schema: {
        operationId: 'getOpportunity',
        tags: ['opportunities'],
        summary: 'Read an opportunity',
        description:
          'With its qualification, attestations and `nextStage`: what is still missing to move one stage forward.',
        params: idParams,
        response: { 200: opportunityViewSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const view = unwrap(await getOpportunity(request.context, request.actor, request.params.id));
      reply.header('etag', etagFor(view.opportunity.version));
      return view;
    },
  );
};
