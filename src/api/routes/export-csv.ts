import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppError } from '../../app/app-error.js';
import type { Actor, AppContext } from '../../app/context.js';
import { csvStream } from '../../app/exports/csv-stream.js';
import { ACCOUNT_COLUMNS, exportAccounts } from '../../app/exports/export-accounts.js';
import { exportForecast, FORECAST_COLUMNS } from '../../app/exports/export-forecast.js';
import { exportHistory, HISTORY_COLUMNS, historyExportQuery } from '../../app/exports/export-history.js';
import { accountExportQuery, opportunityExportQuery } from '../../app/exports/export-inputs.js';
import { exportOpportunities, OPPORTUNITY_COLUMNS } from '../../app/exports/export-opportunities.js';
import { forecastQuery } from '../../app/forecast/forecast-inputs.js';
import type { Result } from '../../domain/result.js';
import { type ProblemStatus, problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';

type Rows = AsyncIterable<string[]> | Iterable<string[]>;

/** One CSV export: its file under /api/v1/exports, its query, its columns and its rows for the caller. */
interface CsvExport<Q extends z.ZodType> {
  file: string;
  operationId: string;
  summary: string;
  description: string;
  query: Q;
  columns: readonly string[];
  /** The rows, or a refusal before any is sent (e.g. a currency without a rate). */
  rows: (context: AppContext, actor: Actor, query: z.infer<Q>) => Rows | Promise<Result<Rows, AppError>>;
  refusals?: readonly ProblemStatus[];
}

/** A GET route that streams an export as a CSV download. */
function csvExportRoute<Q extends z.ZodType>(csv: CsvExport<Q>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `/api/v1/exports/${csv.file}`,
      {
        schema: {
          operationId: csv.operationId,
          tags: ['exports'],
          summary: csv.summary,
          description: csv.description,
          querystring: csv.query,
          response: {
            200: {
              description: `${csv.summary.replace(/^Export /, '')}: RFC 4180, UTF-8, a header row; cells that a spreadsheet would run as a formula start with an apostrophe`,
              content: { 'text/csv': { schema: z.string() } },
            },
            ...problemResponses(400, ...(csv.refusals ?? [])),
          },
        },
      },
      async (request, reply) => {
        const answer = csv.rows(request.context, request.actor, request.query as z.infer<Q>);
        const rows = answer instanceof Promise ? unwrap(await answer) : answer;
        // The schema documents a string; Fastify sends a stream as-is (no serializer), so it is passed as one.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${csv.file}"`)
          .send(csvStream(csv.columns, rows) as unknown as string);
      },
    );
  };
}

const LIST_DESCRIPTION =
  'Only the records the caller may read; the same filters as the list, without paging (every match, streamed).';

export const exportOpportunitiesRoute = csvExportRoute({
  file: 'opportunities.csv',
  operationId: 'exportOpportunities',
  summary: 'Export opportunities as CSV',
  description: LIST_DESCRIPTION,
  query: opportunityExportQuery,
  columns: OPPORTUNITY_COLUMNS,
  rows: exportOpportunities,
});

export const exportAccountsRoute = csvExportRoute({
  file: 'accounts.csv',
  operationId: 'exportAccounts',
  summary: 'Export accounts as CSV',
  description: LIST_DESCRIPTION,
  query: accountExportQuery,
  columns: ACCOUNT_COLUMNS,
  rows: exportAccounts,
});

export const exportHistoryRoute = csvExportRoute({
  file: 'history.csv',
  operationId: 'exportHistory',
  summary: 'Export the stage history as CSV',
  description:
    'Every stage change (with its kind: forward, back, closed, reopened, imported… and whether it was an override) of the deals the caller may read, in the order made; optionally one deal.',
  query: historyExportQuery,
  columns: HISTORY_COLUMNS,
  rows: exportHistory,
});

export const exportForecastRoute = csvExportRoute({
  file: 'forecast.csv',
  operationId: 'exportForecast',
  summary: 'Export the forecast roll-up as CSV',
  description:
    'The same figures as GET /forecast (the deals the caller may read): one row per company, region and owner per period, cumulative categories, weighted, quota, attainment, coverage and the standing call, as decimals of the company currency.',
  query: forecastQuery,
  columns: FORECAST_COLUMNS,
  rows: exportForecast,
  refusals: [422],
});
