import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importQuotas, importQuotasInput, MAX_QUOTA_CSV_CHARS } from '../../app/forecast/import-quotas.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';

export const importQuotasRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/quotas/import',
    {
      // A file of up to 1 M characters as JSON (escaped quotes and line breaks may double it).
      bodyLimit: 2 * MAX_QUOTA_CSV_CHARS + 10_000,
      schema: {
        operationId: 'importQuotas',
        tags: ['forecast'],
        summary: "Import owners' quotas from CSV (RevOps, VP Finance)",
        description:
          'Columns OwnerEmail, Period (month, quarter, fiscal_year), PeriodStart (the first day of the fiscal ' +
          'period, YYYY-MM-DD) and Amount (a decimal in the company currency). Owners are found by e-mail. All ' +
          'or nothing: any bad line and nothing is written; each bad line is an issue at `body.csv` whose ' +
          'message names the line and column ("line 4, Amount: …"). Each quota set is audited as setQuotas.',
        body: importQuotasInput,
        response: {
          200: z.object({
            updated: z.number().int().describe('Quotas set'),
            owners: z.number().int().describe('Owners they belong to'),
          }),
          ...problemResponses(400, 403),
        },
      },
    },
    async (request) => unwrap(await importQuotas(request.context, request.actor, request.body)),
  );
};
