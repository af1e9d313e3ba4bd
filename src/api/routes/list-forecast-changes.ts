import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changesQuery } from '../../app/forecast-changes/changes-inputs.js';
import { listForecastChanges } from '../../app/forecast-changes/list-forecast-changes.js';
import { CHANGE_KINDS } from '../../domain/forecast-changes/compare-snapshots.js';
import { STAGE_OUTCOMES } from '../../domain/playbook/playbook.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { timestamp } from '../schemas/record-schemas.js';

const decimalMinor = z
  .string()
  .regex(/^-?\d+$/)
  .describe('Minor units as a decimal string (exact however large the sum; negative when pipeline left)');

const dealStateSchema = z.object({
  amountMinor: z.number().int(),
  currency: z.string(),
  stage: z.string(),
  closeDate: z.string(),
  outcome: z.enum(STAGE_OUTCOMES),
});

const forecastChangeSchema = z
  .object({
    opportunityId: z.string(),
    name: z.string(),
    ownerId: z.string(),
    kind: z.enum(CHANGE_KINDS),
    currency: z.string(),
    amountMinor: z.number().int(),
    deltaMinor: z.number().int().describe("What the change did to the period's open pipeline"),
    from: dealStateSchema.nullable().describe('At the earlier snapshot; null for a new deal'),
    to: dealStateSchema.describe('At the later snapshot, or as it closed'),
    words: z.string(),
  })
  .meta({ id: 'ForecastChange' });

const forecastChangesSchema = z
  .object({
    period: z.object({ label: z.string(), start: z.string(), end: z.string() }),
    pipeline: z.string().nullable(),
    fromSnapshotAt: timestamp,
    toSnapshotAt: timestamp,
    changes: z.array(forecastChangeSchema),
    totals: z.array(
      z.object({
        kind: z.enum(CHANGE_KINDS),
        currency: z.string(),
        count: z.number().int(),
        amountMinor: decimalMinor,
        deltaMinor: decimalMinor,
        convertedDelta: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ForecastChanges' });

export const listForecastChangesRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/forecast/changes',
    {
      schema: {
        operationId: 'listForecastChanges',
        tags: ['forecast'],
        summary: 'What changed in a period between two dates',
        description:
          'Compares the snapshots taken on or before `from` and `to`: each deal of the period (its close date in ' +
          'it at either date) is new, pulled_in, pushed, slipped_out, won, lost, amount_up, amount_down or ' +
          'unchanged, with words; totals per kind and currency (start + Σ deltaMinor = end). Only deals you may read.',
        querystring: changesQuery,
        response: { 200: forecastChangesSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => unwrap(await listForecastChanges(request.context, request.actor, request.query)),
  );
};
