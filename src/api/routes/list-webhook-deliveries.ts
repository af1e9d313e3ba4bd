import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listWebhookDeliveries } from '../../app/webhooks/list-webhook-deliveries.js';
import { webhookDeliveryListQuery } from '../../app/webhooks/webhook-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pageOf } from '../pagination.js';
import { webhookDeliverySchema } from '../schemas/webhook-schemas.js';

export const listWebhookDeliveriesRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/webhooks/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        tags: ['webhooks'],
        summary: 'The webhook delivery log (webhook managers)',
        description: 'Newest first; filter by `status` and `subscriptionId`.',
        querystring: webhookDeliveryListQuery,
        response: { 200: pageOf(webhookDeliverySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => unwrap(await listWebhookDeliveries(request.context, request.actor, request.query)),
  );
};
