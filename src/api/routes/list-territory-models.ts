import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listTerritoryModels } from '../../app/territory/list-territory-models.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { territoryModelSummarySchema } from '../schemas/territory-schemas.js';

export const listTerritoryModelsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/territory-models',
    {
      schema: {
        operationId: 'listTerritoryModels',
        tags: ['territories'],
        summary: "The territory model's versions",
        description:
          'Every version, newest first: drafts, the active one (at most one), archived ones. For RevOps admins ' +
          '(manageTerritories) and RVPs.',
        response: {
          200: z.object({ items: z.array(territoryModelSummarySchema) }),
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) => unwrap(await listTerritoryModels(request.context, request.actor)),
  );
};
