import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pocCriterionChangeInput } from '../../app/poc/poc-inputs.js';
import { updatePocCriterion } from '../../app/poc/record-poc-results.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { criterionParams, pocViewSchema } from '../schemas/poc-schemas.js';
import { ifMatchHeaders } from '../schemas/record-schemas.js';

export const updatePocCriterionRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/opportunities/:id/poc/criteria/:criterionId',
    {
      schema: {
        operationId: 'updatePocCriterion',
        tags: ['poc'],
        summary: "Record a success criterion's target, result and verdict",
        params: criterionParams,
        headers: ifMatchHeaders,
        body: pocCriterionChangeInput,
        response: { 200: pocViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await updatePocCriterion(
          request.context,
          request.actor,
          request.params.id,
          request.params.criterionId,
          request.body,
          expectedVersionFrom(request),
        ),
      );
    },
  );
};
