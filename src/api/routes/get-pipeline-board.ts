import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boardQuery } from '../../app/board/board-inputs.js';
import { getPipelineBoard } from '../../app/board/get-pipeline-board.js';
import { VELOCITY_CLASSES } from '../../domain/inspection/velocity.js';
import { STAGE_OUTCOMES } from '../../domain/playbook/playbook.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { timestamp } from '../schemas/record-schemas.js';

const boardCardSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    stage: z.string(),
    accountId: z.string(),
    accountName: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    closeDate: z.string(),
    ownerId: z.string(),
    ownerName: z.string(),
    nextStep: z.string().nullable(),
    stageEnteredAt: timestamp,
    version: z.number().int().describe('Send as If-Match ("v<version>") when moving the card'),
    mayMove: z.boolean().describe('Whether the caller may move this deal (the owner, their RVP, admins)'),
    healthScore: z
      .number()
      .int()
      .nullable()
      .describe('Stored health score 0–100; null without an inspection (closed)'),
    healthBand: z.enum(['green', 'yellow', 'red']).nullable(),
    velocityClass: z.enum(VELOCITY_CLASSES).nullable(),
  })
  .meta({ id: 'BoardCard' });

/** A sum of money may pass 2^53: it is sent as an exact decimal string, like the at-risk totals. */
const decimalMinor = z
  .string()
  .regex(/^\d+$/)
  .describe('Minor units (cents) as a decimal string: exact however large the sum');

const boardColumnSchema = z
  .object({
    stage: z.string(),
    name: z.string(),
    probability: z.number().int(),
    outcome: z.enum(STAGE_OUTCOMES),
    count: z.number().int(),
    totals: z
      .array(z.object({ currency: z.string(), totalMinor: decimalMinor, weightedMinor: decimalMinor }))
      .describe('Per currency: the sum and the probability-weighted sum of the stage’s deals'),
  })
  .meta({ id: 'BoardColumn' });

const pipelineBoardSchema = z
  .object({
    pipeline: z.object({ key: z.string(), name: z.string() }),
    columns: z.array(boardColumnSchema),
    cards: z.array(boardCardSchema),
    total: z.number().int().describe('Deals matching the filter'),
    truncated: z.boolean().describe('More deals match than the cards carried (5,000); narrow the filter'),
  })
  .meta({ id: 'PipelineBoard' });

export const getPipelineBoardRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/pipelines/:pipeline/board',
    {
      schema: {
        operationId: 'getPipelineBoard',
        tags: ['opportunities'],
        summary: 'A pipeline as a board: per-stage count, total and weighted amount, and the cards',
        description:
          'Only the deals the caller may read. Filter by owner, owner region, type, close quarter and text ' +
          "(deal or account name). Weighted = amount × the stage's probability.",
        params: z.object({ pipeline: z.string().min(1).max(64) }),
        querystring: boardQuery,
        response: { 200: pipelineBoardSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      unwrap(await getPipelineBoard(request.context, request.actor, request.params.pipeline, request.query)),
  );
};
