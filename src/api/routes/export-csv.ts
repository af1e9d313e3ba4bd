import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_KINDS, type ExportKind, exportCsv } from '../../app/exports/export-csv.js';
import { problemResponses } from '../errors/problem.js';

const FILES = EXPORT_KINDS.map((kind) => `${kind}.csv` as const);

const csvResponse = {
  description:
    'RFC 4180 CSV with a header row, streamed. Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are prefixed with a single quote.',
  content: { 'text/csv': { schema: z.string() } },
};

export const exportCsvRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/exports/:file',
    {
      schema: {
        operationId: 'exportCsv',
        tags: ['exports'],
        summary: 'Export accounts, opportunities or stage history as CSV',
        description:
          'Only the records the caller may read, by the same rules as every list (history: the stage changes of ' +
          'the deals the caller may read). Amounts are integer minor units beside their currency; times are UTC.',
        params: z.object({ file: z.enum(FILES) }),
        response: { 200: csvResponse, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const kind = request.params.file.replace(/\.csv$/, '') as ExportKind;
      const stream = exportCsv(request.context, request.actor, kind);
      // The schema documents the text; Fastify sends a stream as it comes (no serializer).
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.file}"`)
        .send(stream as unknown as string);
    },
  );
};
