import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_IMPORT_CSV_CHARS, startImport, startImportInput } from '../../app/imports/start-import.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { importRunSchema } from '../schemas/import-schemas.js';

export const startImportRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/imports',
    {
      // Two CSV files of up to 20 M characters each, as JSON (larger files: `closepath import salesforce`).
      bodyLimit: 2 * 4 * MAX_IMPORT_CSV_CHARS + 1_000_000,
      schema: {
        operationId: 'startImport',
        tags: ['imports'],
        summary: 'Start a Salesforce CSV import',
        description:
          'Account.csv and/or Opportunity.csv (Salesforce data-export columns) as text, with the mapping file ' +
          '(YAML). Answers 202 with the queued run; it is processed in the background — read its progress and ' +
          'its errors by line with getImportRun. Modes: dry_run (writes nothing), all_or_nothing (any bad row: ' +
          'nothing written), good_rows_only. A re-import updates what was imported before. RevOps (importData).',
        body: startImportInput,
        response: { 202: importRunSchema, ...problemResponses(400, 403) },
      },
    },
    async (request, reply) => {
      // The run outlives the request: it is processed on the application's context, not the request's.
      const run = unwrap(await startImport(request.context, app.context, request.actor, request.body));
      reply.code(202).header('location', `/api/v1/imports/${run.id}`);
      return run;
    },
  );
};
