import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { routeTerritory } from '../../app/territory/route-territory.js';
import { accountPlaceInput } from '../../app/territory/territory-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { routingSchema } from '../schemas/routing-schema.js';

export const routeTerritoryRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/territories/route',
    {
      schema: {
        operationId: 'routeTerritory',
        tags: ['territories'],
        summary: 'Route a place against the active territory model',
        description:
          'Changes nothing. Country, subdivision, postal code, county and segment → territory, AE, region and RVP, ' +
          'with the rule that fired in words; or why none (`ok: false`: a gap, an excluded country, a split country ' +
          'without a subdivision). 404 when no model is active.',
        body: accountPlaceInput,
        response: { 200: routingSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => unwrap(await routeTerritory(request.context, request.actor, request.body)),
  );
};
