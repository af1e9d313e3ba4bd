import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { copyTerritoryModel } from '../../app/territory/copy-territory-model.js';
import { importTerritoryModel } from '../../app/territory/import-territory-model.js';
import { createTerritoryModelInput } from '../../app/territory/territory-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { territoryModelDetailSchema } from '../schemas/territory-schemas.js';

export const createTerritoryModelRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/territory-models',
    {
      schema: {
        operationId: 'createTerritoryModel',
        tags: ['territories'],
        summary: 'Create a draft: import a territories file, or copy a version',
        description:
          '`{ source }`: the text of a territories file (YAML or JSON) — a file that does not parse or validate is a ' +
          '422 whose `problems` name the path, the reason and the line. `{ copyOf }`: a new draft with the model of ' +
          'that version (to change the active model, copy it, edit the copy, activate it). RevOps (manageTerritories).',
        body: createTerritoryModelInput,
        response: { 201: territoryModelDetailSchema, ...problemResponses(400, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { body, context, actor } = request;
      const detail = unwrap(
        'source' in body
          ? await importTerritoryModel(context, actor, body.source)
          : await copyTerritoryModel(context, actor, body.copyOf),
      );
      reply.code(201).header('location', `/api/v1/territory-models/${detail.id}`);
      return detail;
    },
  );
};
