import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listPendingApprovals } from '../../app/closing/list-pending-approvals.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pendingApprovalCountSchema } from '../schemas/offer-schemas.js';

export const countPendingApprovalsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/approvals/count',
    {
      schema: {
        operationId: 'countPendingApprovals',
        tags: ['closing'],
        summary: 'How many offer versions wait for your decision (the navigation badge)',
        description: 'The `total` of the approvals inbox (GET /api/v1/approvals), without the items.',
        response: { 200: pendingApprovalCountSchema, ...problemResponses('default') },
      },
    },
    async (request) => ({ total: unwrap(await listPendingApprovals(request.context, request.actor)).total }),
  );
};
