import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listImportRuns } from '../../app/imports/list-import-runs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { importRunSchema } from '../schemas/import-schemas.js';

const importRunSummarySchema = importRunSchema.omit({ errors: true }).meta({ id: 'ImportRunSummary' });

export const listImportRunsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/imports',
    {
      schema: {
        operationId: 'listImportRuns',
        tags: ['imports'],
        summary: 'The latest import runs',
        description:
          'Newest first, with their progress and counts (read one with getImportRun for its errors by line). ' +
          'RevOps (importData).',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(50).default(10).describe('How many runs, 1…50'),
        }),
        response: {
          200: z.object({ items: z.array(importRunSummarySchema) }),
          ...problemResponses(400, 403),
        },
      },
    },
    async (request) => ({
      items: unwrap(await listImportRuns(request.context, request.actor, request.query.limit)),
    }),
  );
};
