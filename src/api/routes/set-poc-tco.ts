import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pocTcoInput } from '../../app/poc/poc-inputs.js';
import { setPocTco } from '../../app/poc/record-poc-results.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { pocViewSchema } from '../schemas/poc-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const setPocTcoRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/opportunities/:id/poc/tco',
    {
      schema: {
        operationId: 'setPocTco',
        tags: ['poc'],
        summary: 'Set the TCO comparison (the customer baseline vs our annual cost)',
        params: idParams,
        headers: ifMatchHeaders,
        body: pocTcoInput,
        response: { 200: pocViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await setPocTco(
          request.context,
          request.actor,
          request.params.id,
          request.body,
          expectedVersionFrom(request),
        ),
      );
    },
  );
};
