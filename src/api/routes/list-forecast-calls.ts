import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forecastCallsQuery } from '../../app/forecast/forecast-inputs.js';
import { listForecastCallHistory } from '../../app/forecast/list-forecast-calls.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { forecastCallSchema } from '../schemas/forecast-schemas.js';

export const listForecastCallsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/forecast/calls',
    {
      schema: {
        operationId: 'listForecastCalls',
        tags: ['forecast'],
        summary: 'Every submission and adjustment of one period, oldest first',
        description: 'Of the owners the caller may see.',
        querystring: forecastCallsQuery,
        response: { 200: z.object({ items: z.array(forecastCallSchema) }), ...problemResponses(400) },
      },
    },
    async (request) => {
      const answer = unwrap(await listForecastCallHistory(request.context, request.actor, request.query));
      return answer;
    },
  );
};
