import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { submitForecastInput } from '../../app/forecast/forecast-inputs.js';
import { submitForecast } from '../../app/forecast/submit-forecast.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { forecastCallSchema } from '../schemas/forecast-schemas.js';

export const submitForecastRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/forecast/submissions',
    {
      schema: {
        operationId: 'submitForecast',
        tags: ['forecast'],
        summary: 'Submit your forecast call for a period (Account Executives)',
        description:
          'Commit and best case in company-currency minor units, with an optional note. Kept as history: a later call never overwrites it.',
        body: submitForecastInput,
        response: { 201: forecastCallSchema, ...problemResponses(400, 403) },
      },
    },
    async (request, reply) => {
      const answer = unwrap(await submitForecast(request.context, request.actor, request.body));
      reply.code(201);
      return answer;
    },
  );
};
