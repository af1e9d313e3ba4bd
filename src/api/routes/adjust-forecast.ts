import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adjustForecastInput } from '../../app/forecast/forecast-inputs.js';
import { adjustForecast } from '../../app/forecast/submit-forecast.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { forecastCallSchema } from '../schemas/forecast-schemas.js';

export const adjustForecastRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/forecast/adjustments',
    {
      schema: {
        operationId: 'adjustForecast',
        tags: ['forecast'],
        summary: "Adjust an owner's forecast call (their Regional VP), with a note",
        description: "Kept beside the owner's submission, which it names; never overwrites it.",
        body: adjustForecastInput,
        response: { 201: forecastCallSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const answer = unwrap(await adjustForecast(request.context, request.actor, request.body));
      reply.code(201);
      return answer;
    },
  );
};
