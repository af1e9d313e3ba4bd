import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { logActivityInput } from '../../app/activities/activity-inputs.js';
import { logActivity } from '../../app/activities/log-activity.js';
import { etagFor } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { activityViewSchema } from '../schemas/activity-schemas.js';
import { idempotencyHeaders, idParams } from '../schemas/record-schemas.js';

const DESCRIPTION =
  'A call, meeting, email or note that has taken place (never in the future): who from our side, which ' +
  "contacts, a summary and an optional link. Criteria about conversations (e.g. 'Call notes') are derived " +
  'from the activities logged on the deal.';

export const logDealActivityRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/opportunities/:id/activities',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'logDealActivity',
        tags: ['activities'],
        summary: 'Log an activity on a deal',
        description: `${DESCRIPTION} Needs the right to qualify the deal.`,
        params: idParams,
        headers: idempotencyHeaders,
        body: logActivityInput,
        response: { 201: activityViewSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const target = { opportunityId: request.params.id };
      const activity = unwrap(await logActivity(request.context, request.actor, target, request.body));
      // Whoever logged it may change it.
      return reply
        .code(201)
        .header('etag', etagFor(activity.version))
        .send({ ...activity, mayChange: true });
    },
  );
};

export const logAccountActivityRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/accounts/:id/activities',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'logAccountActivity',
        tags: ['activities'],
        summary: 'Log an activity on an account',
        description: `${DESCRIPTION} Needs the right to keep the account's contacts.`,
        params: idParams,
        headers: idempotencyHeaders,
        body: logActivityInput,
        response: { 201: activityViewSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const target = { accountId: request.params.id };
      const activity = unwrap(await logActivity(request.context, request.actor, target, request.body));
      // Whoever logged it may change it.
      return reply
        .code(201)
        .header('etag', etagFor(activity.version))
        .send({ ...activity, mayChange: true });
    },
  );
};
