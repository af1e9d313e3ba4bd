import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvStream } from '../../app/exports/csv-stream.js';
import { ACCOUNT_COLUMNS, exportAccounts } from '../../app/exports/export-accounts.js';
import { exportForecast, FORECAST_COLUMNS } from '../../app/exports/export-forecast.js';
import { exportHistory, HISTORY_COLUMNS, historyExportQuery } from '../../app/exports/export-history.js';
import { accountExportQuery, opportunityExportQuery } from '../../app/exports/export-inputs.js';
import { exportOpportunities, OPPORTUNITY_COLUMNS } from '../../app/exports/export-opportunities.js';
import { forecastQuery } from '../../app/forecast/forecast-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';

const csvResponse = (what: string) => ({
  description: `${what} as CSV (RFC 4180, UTF-8, a header row); cells that a spreadsheet would run as a formula start with an apostrophe`,
  content: { 'text/csv': { schema: z.string() } },
});

/** Sends rows as a CSV download, streamed. */
function sendCsv(
  reply: FastifyReply,
  file: string,
  columns: readonly string[],
  rows: AsyncIterable<string[]> | Iterable<string[]>,
) {
  const csv = csvStream(columns, rows);
  // The schema documents a string; Fastify sends a stream as-is (no serializer), so it is passed as one.
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file}"`)
    .send(csv as unknown as string);
}

const DESCRIPTION =
  'Only the records the caller may read; the same filters as the list, without paging (every match, streamed).';

export const exportOpportunitiesRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/exports/opportunities.csv',
    {
      schema: {
        operationId: 'exportOpportunities',
        tags: ['exports'],
        summary: 'Export opportunities as CSV',
        description: DESCRIPTION,
        querystring: opportunityExportQuery,
        response: { 200: csvResponse('The opportunities'), ...problemResponses(400) },
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        'opportunities.csv',
        OPPORTUNITY_COLUMNS,
        exportOpportunities(request.context, request.actor, request.query),
      ),
  );
};

export const exportAccountsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/exports/accounts.csv',
    {
      schema: {
        operationId: 'exportAccounts',
        tags: ['exports'],
        summary: 'Export accounts as CSV',
        description: DESCRIPTION,
        querystring: accountExportQuery,
        response: { 200: csvResponse('The accounts'), ...problemResponses(400) },
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        'accounts.csv',
        ACCOUNT_COLUMNS,
        exportAccounts(request.context, request.actor, request.query),
      ),
  );
};

export const exportHistoryRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/exports/history.csv',
    {
      schema: {
        operationId: 'exportHistory',
        tags: ['exports'],
        summary: 'Export the stage history as CSV',
        description:
          'Every stage change (with its kind: forward, back, closed, reopened, imported… and whether it was an override) of the deals the caller may read, in the order made; optionally one deal.',
        querystring: historyExportQuery,
        response: { 200: csvResponse('The stage changes'), ...problemResponses(400) },
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        'history.csv',
        HISTORY_COLUMNS,
        exportHistory(request.context, request.actor, request.query),
      ),
  );
};

export const exportForecastRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/exports/forecast.csv',
    {
      schema: {
        operationId: 'exportForecast',
        tags: ['exports'],
        summary: 'Export the forecast roll-up as CSV',
        description:
          'The same figures as GET /forecast (the deals the caller may read): one row per company, region and owner per period, cumulative categories, weighted, quota, attainment, coverage and the standing call, as decimals of the company currency.',
        querystring: forecastQuery,
        response: { 200: csvResponse('The forecast'), ...problemResponses(400, 422) },
      },
    },
    async (request, reply) => {
      const rows = unwrap(await exportForecast(request.context, request.actor, request.query));
      return sendCsv(reply, 'forecast.csv', FORECAST_COLUMNS, rows);
    },
  );
};
