import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addPocSession } from '../../app/poc/change-poc-sessions.js';
import { pocSessionAddInput } from '../../app/poc/poc-inputs.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { pocViewSchema } from '../schemas/poc-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const addPocSessionRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/opportunities/:id/poc/sessions',
    {
      schema: {
        operationId: 'addPocSession',
        tags: ['poc'],
        summary: 'Add another Hands-On Working Session',
        params: idParams,
        headers: ifMatchHeaders,
        body: pocSessionAddInput,
        response: { 201: pocViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await addPocSession(
          request.context,
          request.actor,
          request.params.id,
          request.body,
          expectedVersionFrom(request),
        ),
        201,
      );
    },
  );
};
