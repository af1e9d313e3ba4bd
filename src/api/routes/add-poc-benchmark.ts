import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pocBenchmarkInput } from '../../app/poc/poc-inputs.js';
import { savePocBenchmark } from '../../app/poc/record-poc-results.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { pocViewSchema } from '../schemas/poc-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const addPocBenchmarkRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/opportunities/:id/poc/benchmarks',
    {
      schema: {
        operationId: 'addPocBenchmark',
        tags: ['poc'],
        summary: 'Add a benchmark result (the customer baseline vs our latency and cost)',
        params: idParams,
        headers: ifMatchHeaders,
        body: pocBenchmarkInput,
        response: { 201: pocViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await savePocBenchmark(
          request.context,
          request.actor,
          request.params.id,
          null,
          request.body,
          expectedVersionFrom(request),
        ),
        201,
      );
    },
  );
};
