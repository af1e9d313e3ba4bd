import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createOpportunity } from '../../app/opportunities/create-opportunity.js';
import { createOpportunityInput } from '../../app/opportunities/opportunity-inputs.js';
import { etagFor } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idempotencyHeaders, opportunitySchema } from '../schemas/record-schemas.js';

export const createOpportunityRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/opportunities',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createOpportunity',
        tags: ['opportunities'],
        summary: 'Create an opportunity',
        description:
          'The deal starts in the first stage of its type’s pipeline. Pipeline, stage, probability and forecast ' +
          'category are derived and cannot be sent.',
        headers: idempotencyHeaders,
        body: createOpportunityInput,
        response: { 201: opportunitySchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const opportunity = unwrap(await createOpportunity(request.context, request.actor, request.body));
      reply.code(201).header('etag', etagFor(opportunity.version));
      reply.header('location', `/api/v1/opportunities/${opportunity.id}`);
      return opportunity;
    },
  );
};
