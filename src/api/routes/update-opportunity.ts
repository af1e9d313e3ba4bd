import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updateOpportunityInput } from '../../app/opportunities/opportunity-inputs.js';
import { updateOpportunity } from '../../app/opportunities/update-opportunity.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams, ifMatchHeaders, opportunitySchema } from '../schemas/record-schemas.js';

export const updateOpportunityRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/opportunities/:id',
    {
      schema: {
        operationId: 'updateOpportunity',
        tags: ['opportunities'],
        summary: 'Edit an opportunity',
        description:
          'Send `If-Match` with the ETag you read; a stale one answers 412. Stages change through /stage.',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateOpportunityInput,
        response: { 200: opportunitySchema, ...problemResponses(400, 404, 412) },
      },
    },
    async (request, reply) => {
      const expected = expectedVersionFrom(request);
      const opportunity = unwrap(
        await updateOpportunity(request.context, request.actor, request.params.id, request.body, expected),
      );
      reply.header('etag', etagFor(opportunity.version));
      return opportunity;
    },
  );
};
