import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forecastQuery } from '../../app/forecast/forecast-inputs.js';
import { getForecast } from '../../app/forecast/get-forecast.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { forecastSchema } from '../schemas/forecast-schemas.js';

export const getForecastRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/forecast',
    {
      schema: {
        operationId: 'getForecast',
        tags: ['forecast'],
        summary: 'The forecast: categories by period, rolled up owner → region → company',
        description:
          'Only the deals the caller may read, by close date, converted to the company currency by the rates table (422 rate_missing while a currency has none). Per cell: individual and cumulative categories, weighted pipeline, quota, attainment, coverage; per owner the latest submission and adjustment.',
        querystring: forecastQuery,
        response: { 200: forecastSchema, ...problemResponses(400, 422) },
      },
    },
    async (request) => {
      const answer = unwrap(await getForecast(request.context, request.actor, request.query));
      return answer;
    },
  );
};
