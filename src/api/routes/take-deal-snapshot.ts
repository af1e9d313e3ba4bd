import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { takeSnapshot } from '../../app/forecast-changes/take-snapshot.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { timestamp } from '../schemas/record-schemas.js';

export const dealSnapshotSchema = z
  .object({
    takenAt: timestamp,
    deals: z.number().int().describe('Open deals the snapshot holds'),
  })
  .meta({ id: 'DealSnapshot' });

export const takeDealSnapshotRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/forecast/snapshots',
    {
      schema: {
        operationId: 'takeDealSnapshot',
        tags: ['forecast'],
        summary: 'Snapshot every open deal now',
        description:
          'Keeps each open deal’s amount, currency, stage, pipeline, forecast category, close date and owner, for ' +
          '"what changed". The server takes one weekly; RevOps (takeDealSnapshots) may take one on demand.',
        response: { 201: dealSnapshotSchema, ...problemResponses(403) },
      },
    },
    async (request, reply) => {
      const snapshot = unwrap(await takeSnapshot(request.context, request.actor));
      reply.code(201);
      return snapshot;
    },
  );
};
