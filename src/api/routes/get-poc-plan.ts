import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getPocPlan } from '../../app/poc/get-poc-plan.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { pocViewSchema } from '../schemas/poc-schemas.js';
import { idParams } from '../schemas/record-schemas.js';

export const getPocPlanRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/opportunities/:id/poc',
    {
      schema: {
        operationId: 'getPocPlan',
        tags: ['poc'],
        summary: "The deal's POC plan with its assessment",
        description:
          'Sessions (with agendas), success criteria, benchmarks, TCO, sign-off and readout; the assessment ' +
          '(none / planned / in progress / succeeded / challenged) with its reasons.',
        params: idParams,
        response: { 200: pocViewSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      return sendPocView(reply, await getPocPlan(request.context, request.actor, request.params.id));
    },
  );
};
