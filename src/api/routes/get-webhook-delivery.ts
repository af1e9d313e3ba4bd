import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getWebhookDelivery } from '../../app/webhooks/list-webhook-deliveries.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams } from '../schemas/record-schemas.js';
import { webhookDeliveryWithAttemptsSchema } from '../schemas/webhook-schemas.js';

export const getWebhookDeliveryRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/webhooks/deliveries/:id',
    {
      schema: {
        operationId: 'getWebhookDelivery',
        tags: ['webhooks'],
        summary: 'A webhook delivery with its attempts (webhook managers)',
        params: idParams,
        response: { 200: webhookDeliveryWithAttemptsSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => unwrap(await getWebhookDelivery(request.context, request.actor, request.params.id)),
  );
};
