import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { quotasQuery } from '../../app/forecast/forecast-inputs.js';
import { listQuotaTable } from '../../app/forecast/list-quotas.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { quotasSchema } from '../schemas/forecast-schemas.js';

export const listQuotasRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/quotas',
    {
      schema: {
        operationId: 'listQuotas',
        tags: ['forecast'],
        summary: "Owners' quotas of a range of periods (RevOps, VP Finance)",
        description: 'In company-currency minor units, one per owner and period.',
        querystring: quotasQuery,
        response: { 200: quotasSchema, ...problemResponses(400, 403) },
      },
    },
    async (request) => {
      const answer = unwrap(await listQuotaTable(request.context, request.actor, request.query));
      return answer;
    },
  );
};
