import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordMilestone, withdrawMilestone } from '../../app/milestones/record-milestone.js';
import { milestoneInput } from '../../app/poc/poc-inputs.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { milestoneParams, milestoneRecordedSchema } from '../schemas/poc-schemas.js';
import { ifMatchHeaders } from '../schemas/record-schemas.js';

export const recordMilestoneRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/opportunities/:id/milestones/:milestone',
    {
      schema: {
        operationId: 'recordMilestone',
        tags: ['poc'],
        summary: 'Record a win milestone (Tech / Business / Financial / Legal Win)',
        description:
          'Who, when and evidence; allowed once the deal reached the stage the playbook ties it to (409 before).',
        params: milestoneParams,
        headers: ifMatchHeaders,
        body: milestoneInput,
        response: { 200: milestoneRecordedSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { id, milestone } = request.params;
      const recorded = unwrap(
        await recordMilestone(
          request.context,
          request.actor,
          id,
          milestone,
          request.body,
          expectedVersionFrom(request),
        ),
      );
      reply.header('etag', etagFor(recorded.opportunityVersion));
      return recorded;
    },
  );
};

export const withdrawMilestoneRoute: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/api/v1/opportunities/:id/milestones/:milestone',
    {
      schema: {
        operationId: 'withdrawMilestone',
        tags: ['poc'],
        summary: 'Withdraw a recorded milestone',
        params: milestoneParams,
        headers: ifMatchHeaders,
        response: { 204: z.null().describe('Withdrawn'), ...problemResponses(403, 404, 412) },
      },
    },
    async (request, reply) => {
      const { id, milestone } = request.params;
      const done = unwrap(
        await withdrawMilestone(request.context, request.actor, id, milestone, expectedVersionFrom(request)),
      );
      reply.header('etag', etagFor(done.opportunityVersion));
      return reply.code(204).send(null);
    },
  );
};
