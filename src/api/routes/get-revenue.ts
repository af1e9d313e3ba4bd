import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forecastQuery } from '../../app/forecast/forecast-inputs.js';
import { getRevenue } from '../../app/revenue/get-revenue.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { revenueSchema } from '../schemas/revenue-schemas.js';

export const getRevenueRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/revenue',
    {
      schema: {
        operationId: 'getRevenue',
        tags: ['forecast'],
        summary: 'Revenue implications: bookings by category and type, GRR and NRR, by period',
        description:
          "Per period of the playbook's calendar: the won deals you may read by the day they were won, summed by their type's booking category (acquisition, growth, retention) and by type; and gross and net revenue retention from the commit contracts of the accounts you may read, with the inputs (starting value, churn, contraction, expansion, new accounts left out). Also retention over the whole range. Converted to the company currency by the rates table (422 rate_missing while a currency has none). docs/decisions/020-revenue.md has the formulas and a worked example.",
        querystring: forecastQuery,
        response: { 200: revenueSchema, ...problemResponses(400, 422) },
      },
    },
    async (request) => unwrap(await getRevenue(request.context, request.actor, request.query)),
  );
};
