import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityListQuery } from '../../app/activities/activity-inputs.js';
import { listActivities } from '../../app/activities/list-activities.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pageOf } from '../pagination.js';
import { activityViewSchema } from '../schemas/activity-schemas.js';
import { idParams } from '../schemas/record-schemas.js';

export const listDealActivitiesRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/opportunities/:id/activities',
    {
      schema: {
        operationId: 'listDealActivities',
        tags: ['activities'],
        summary: "A deal's activities, newest first",
        params: idParams,
        querystring: activityListQuery,
        response: { 200: pageOf(activityViewSchema), ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      unwrap(
        await listActivities(
          request.context,
          request.actor,
          { opportunityId: request.params.id },
          request.query,
        ),
      ),
  );
};

export const listAccountActivitiesRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/accounts/:id/activities',
    {
      schema: {
        operationId: 'listAccountActivities',
        tags: ['activities'],
        summary: "An account's activities, newest first",
        description: "The account's own and those of its deals the caller may read.",
        params: idParams,
        querystring: activityListQuery,
        response: { 200: pageOf(activityViewSchema), ...problemResponses(400, 404) },
      },
    },
    async (request) =>
      unwrap(
        await listActivities(request.context, request.actor, { accountId: request.params.id }, request.query),
      ),
  );
};
