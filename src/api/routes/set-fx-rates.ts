import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setFxRatesInput } from '../../app/forecast/forecast-inputs.js';
import { setFxRates } from '../../app/forecast/set-fx-rates.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { fxRatesSchema } from '../schemas/forecast-schemas.js';

export const setFxRatesRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/fx-rates',
    {
      schema: {
        operationId: 'setFxRates',
        tags: ['forecast'],
        summary: 'Replace the rates to the company currency (RevOps, VP Finance)',
        description:
          'The whole table: a currency left out has no rate afterwards (a forecast with its deals is refused until it has). Audited.',
        body: setFxRatesInput,
        response: { 200: fxRatesSchema, ...problemResponses(400, 403) },
      },
    },
    async (request) => {
      const answer = unwrap(await setFxRates(request.context, request.actor, request.body));
      return answer;
    },
  );
};
