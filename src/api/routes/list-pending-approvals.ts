import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listPendingApprovals } from '../../app/closing/list-pending-approvals.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pendingApprovalsSchema } from '../schemas/offer-schemas.js';

export const listPendingApprovalsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/approvals',
    {
      schema: {
        operationId: 'listPendingApprovals',
        tags: ['closing'],
        summary: 'The approvals inbox: offer versions waiting for your decision',
        description:
          'The offer versions whose waiting step the caller may decide now (the RVP of the deal’s region, VP ' +
          'Finance, the role of an extra step; never the author or the deal’s owner), oldest waiting first, each ' +
          'with its deal, account, owner, amount, step and since when it waits; `total` counts them. Anyone may ' +
          'call it: a caller who holds no waiting step gets an empty inbox.',
        response: { 200: pendingApprovalsSchema, ...problemResponses('default') },
      },
    },
    async (request) => unwrap(await listPendingApprovals(request.context, request.actor)),
  );
};
