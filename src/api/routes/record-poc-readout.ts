import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pocReadoutInput } from '../../app/poc/poc-inputs.js';
import { recordPocReadout } from '../../app/poc/sign-off-poc.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { pocViewSchema } from '../schemas/poc-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const recordPocReadoutRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/opportunities/:id/poc/readout',
    {
      schema: {
        operationId: 'recordPocReadout',
        tags: ['poc'],
        summary: 'Record that the POC readout was held',
        params: idParams,
        headers: ifMatchHeaders,
        body: pocReadoutInput,
        response: { 200: pocViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await recordPocReadout(
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
