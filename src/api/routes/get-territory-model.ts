import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getTerritoryModel } from '../../app/territory/get-territory-model.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams } from '../schemas/record-schemas.js';
import { territoryModelDetailSchema } from '../schemas/territory-schemas.js';

export const getTerritoryModelRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/territory-models/:id',
    {
      schema: {
        operationId: 'getTerritoryModel',
        tags: ['territories'],
        summary: 'Read a version: its model, coverage proof, people and map',
        description:
          'The coverage proof (every leaf geography × segment resolves to exactly one AE, or the gaps and overlaps), ' +
          'the AEs and RVPs against the users, and one map entry per leaf × segment with the rule that routes it. ' +
          'For RevOps admins and RVPs.',
        params: idParams,
        response: { 200: territoryModelDetailSchema, ...problemResponses(403, 404) },
      },
    },
    async (request) => unwrap(await getTerritoryModel(request.context, request.actor, request.params.id)),
  );
};
