import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updatePocSession } from '../../app/poc/change-poc-sessions.js';
import { pocSessionChangeInput } from '../../app/poc/poc-inputs.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { pocViewSchema, sessionParams } from '../schemas/poc-schemas.js';
import { ifMatchHeaders } from '../schemas/record-schemas.js';

export const updatePocSessionRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/opportunities/:id/poc/sessions/:sessionId',
    {
      schema: {
        operationId: 'updatePocSession',
        tags: ['poc'],
        summary: 'Schedule, complete, cancel or annotate a POC session',
        params: sessionParams,
        headers: ifMatchHeaders,
        body: pocSessionChangeInput,
        response: { 200: pocViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await updatePocSession(
          request.context,
          request.actor,
          request.params.id,
          request.params.sessionId,
          request.body,
          expectedVersionFrom(request),
        ),
      );
    },
  );
};
