import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pocSignOffInput } from '../../app/poc/poc-inputs.js';
import { signOffPocPlan, withdrawPocSignOff } from '../../app/poc/sign-off-poc.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { pocViewSchema } from '../schemas/poc-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const signOffPocPlanRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/opportunities/:id/poc/sign-off',
    {
      schema: {
        operationId: 'signOffPocPlan',
        tags: ['poc'],
        summary: "Record the Champion's sign-off of the Mutual POC Success Plan",
        params: idParams,
        headers: ifMatchHeaders,
        body: pocSignOffInput,
        response: { 200: pocViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await signOffPocPlan(
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

export const withdrawPocSignOffRoute: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/api/v1/opportunities/:id/poc/sign-off',
    {
      schema: {
        operationId: 'withdrawPocSignOff',
        tags: ['poc'],
        summary: "Withdraw the Champion's sign-off (Discover's criterion becomes unmet again)",
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: pocViewSchema, ...problemResponses(403, 404, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await withdrawPocSignOff(
          request.context,
          request.actor,
          request.params.id,
          expectedVersionFrom(request),
        ),
      );
    },
  );
};
