import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listFxRatesTable } from '../../app/forecast/list-fx-rates.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { fxRatesSchema } from '../schemas/forecast-schemas.js';

export const listFxRatesRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/fx-rates',
    {
      schema: {
        operationId: 'listFxRates',
        tags: ['forecast'],
        summary: 'The rates to the company currency (RevOps, VP Finance)',
        description: 'One unit of each currency in units of the company currency, exact decimals.',
        response: { 200: fxRatesSchema, ...problemResponses(403) },
      },
    },
    async (request) => {
      const answer = unwrap(await listFxRatesTable(request.context, request.actor));
      return answer;
    },
  );
};
