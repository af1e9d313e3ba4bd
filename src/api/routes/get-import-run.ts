import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getImportRun } from '../../app/imports/start-import.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { importRunSchema } from '../schemas/import-schemas.js';
import { idParams } from '../schemas/record-schemas.js';

export const getImportRunRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        operationId: 'getImportRun',
        tags: ['imports'],
        summary: "An import's progress, counts and errors by line",
        description:
          'rowsDone of rowsTotal while it runs; the first 1000 errors by file, line and column. RevOps (importData).',
        params: idParams,
        response: { 200: importRunSchema, ...problemResponses(403, 404) },
      },
    },
    async (request) => unwrap(await getImportRun(request.context, request.actor, request.params.id)),
  );
};
