import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createPocPlan } from '../../app/poc/create-poc-plan.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { pocViewSchema } from '../schemas/poc-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const createPocPlanRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/opportunities/:id/poc',
    {
      schema: {
        operationId: 'createPocPlan',
        tags: ['poc'],
        summary: "Create the deal's POC plan from the playbook template",
        params: idParams,
        headers: ifMatchHeaders,

        response: { 201: pocViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await createPocPlan(request.context, request.actor, request.params.id, expectedVersionFrom(request)),
        201,
      );
    },
  );
};
