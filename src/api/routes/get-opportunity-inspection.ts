import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inspectOpportunity } from '../../app/inspection/inspect-opportunity.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { inspectionSchema } from '../schemas/inspection-schemas.js';
import { idParams } from '../schemas/record-schemas.js';

export const getOpportunityInspectionRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/opportunities/:id/inspection',
    {
      schema: {
        operationId: 'getOpportunityInspection',
        tags: ['opportunities'],
        summary: 'Inspect a deal: health, velocity, qualification score and customer fit',
        description:
          'Health 0–100 with every contributing indicator and its evidence; velocity (Fast Track / Standard / At Risk / ' +
          'Recovery) from business days in stage vs expected; qualification score, stage readiness and gaps by severity; ' +
          'whether the opportunity type suits the customer class.',
        params: idParams,
        response: { 200: inspectionSchema, ...problemResponses(404) },
      },
    },
    async (request) => unwrap(await inspectOpportunity(request.context, request.actor, request.params.id)),
  );
};
