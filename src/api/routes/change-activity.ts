import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { updateActivityInput } from '../../app/activities/activity-inputs.js';
import { removeActivity, updateActivity } from '../../app/activities/change-activity.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { activitySchema } from '../schemas/activity-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const updateActivityRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        operationId: 'updateActivity',
        tags: ['activities'],
        summary: 'Edit an activity you logged',
        description: 'Only whoever logged it (or a RevOps admin); audited.',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateActivityInput,
        response: { 200: activitySchema, ...problemResponses(400, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const expected = expectedVersionFrom(request);
      const activity = unwrap(
        await updateActivity(request.context, request.actor, request.params.id, request.body, expected),
      );
      reply.header('etag', etagFor(activity.version));
      return activity;
    },
  );
};

export const removeActivityRoute: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/api/v1/activities/:id',
    {
      schema: {
        operationId: 'removeActivity',
        tags: ['activities'],
        summary: 'Delete an activity you logged',
        description: 'Only whoever logged it (or a RevOps admin); the audit log keeps what it said.',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null().describe('Deleted'), ...problemResponses(403, 404, 412) },
      },
    },
    async (request, reply) => {
      unwrap(
        await removeActivity(request.context, request.actor, request.params.id, expectedVersionFrom(request)),
      );
      return reply.code(204).send(null);
    },
  );
};
