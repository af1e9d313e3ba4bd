import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pocBenchmarkInput } from '../../app/poc/poc-inputs.js';
import { removePocBenchmark, savePocBenchmark } from '../../app/poc/record-poc-results.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { sendPocView } from '../poc-reply.js';
import { benchmarkParams, pocViewSchema } from '../schemas/poc-schemas.js';
import { ifMatchHeaders } from '../schemas/record-schemas.js';

export const updatePocBenchmarkRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/opportunities/:id/poc/benchmarks/:benchmarkId',
    {
      schema: {
        operationId: 'updatePocBenchmark',
        tags: ['poc'],
        summary: 'Replace a benchmark result',
        params: benchmarkParams,
        headers: ifMatchHeaders,
        body: pocBenchmarkInput,
        response: { 200: pocViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await savePocBenchmark(
          request.context,
          request.actor,
          request.params.id,
          request.params.benchmarkId,
          request.body,
          expectedVersionFrom(request),
        ),
      );
    },
  );
};

export const removePocBenchmarkRoute: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/api/v1/opportunities/:id/poc/benchmarks/:benchmarkId',
    {
      schema: {
        operationId: 'removePocBenchmark',
        tags: ['poc'],
        summary: 'Remove a benchmark result entered by mistake',
        params: benchmarkParams,
        headers: ifMatchHeaders,
        response: { 200: pocViewSchema, ...problemResponses(403, 404, 412) },
      },
    },
    async (request, reply) => {
      return sendPocView(
        reply,
        await removePocBenchmark(
          request.context,
          request.actor,
          request.params.id,
          request.params.benchmarkId,
          expectedVersionFrom(request),
        ),
      );
    },
  );
};
