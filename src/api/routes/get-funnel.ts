import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getFunnel } from '../../app/funnel/get-funnel.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';

const nullableNumber = z.number().nullable();
const funnelSchema = z
  .object({
    pipeline: z.object({ key: z.string(), name: z.string() }),
    deals: z.number().int().describe('Deals with history in the pipeline (that you may read)'),
    stages: z.array(
      z.object({
        stage: z.string(),
        name: z.string(),
        entered: z.number().int(),
        advanced: z.number().int().describe('Of those entered, reached the next stage or beyond (not lost)'),
        conversion: nullableNumber.describe('advanced / entered, percent'),
        medianDays: nullableNumber.describe('Median days of completed stays'),
        completedStays: z.number().int(),
        closed: z.number().int(),
        won: z.number().int(),
        calibratedWinRate: nullableNumber.describe('Of closed deals ever in the stage, percent won'),
        playbookProbability: z.number().int().describe("The playbook's probability: forecasts use this one"),
      }),
    ),
  })
  .meta({ id: 'Funnel' });

export const getFunnelRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/funnel',
    {
      schema: {
        operationId: 'getFunnel',
        tags: ['forecast'],
        summary: "A pipeline's funnel from its stage history",
        description:
          'Per open stage: conversion to the next stage or beyond, median days, and the win rate calibrated on ' +
          "closed deals shown beside the playbook's fixed probability (never replacing it). Only deals you may read.",
        querystring: z.object({ pipeline: z.string().min(1).max(64) }).strict(),
        response: { 200: funnelSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => unwrap(await getFunnel(request.context, request.actor, request.query.pipeline)),
  );
};
