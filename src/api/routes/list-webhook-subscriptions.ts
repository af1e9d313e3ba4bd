import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listWebhookSubscriptions } from '../../app/webhooks/list-webhook-subscriptions.js';
import { webhookSubscriptionListQuery } from '../../app/webhooks/webhook-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pageOf } from '../pagination.js';
import { webhookSubscriptionSchema } from '../schemas/webhook-schemas.js';

export const listWebhookSubscriptionsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/webhooks/subscriptions',
    {
      schema: {
        operationId: 'listWebhookSubscriptions',
        tags: ['webhooks'],
        summary: 'List webhook subscriptions (webhook managers)',
        description: 'Oldest first, disabled ones included; never the secrets.',
        querystring: webhookSubscriptionListQuery,
        response: { 200: pageOf(webhookSubscriptionSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => unwrap(await listWebhookSubscriptions(request.context, request.actor, request.query)),
  );
};
