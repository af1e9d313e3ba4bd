import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { replayWebhookDelivery } from '../../app/webhooks/replay-webhook-delivery.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams } from '../schemas/record-schemas.js';
import { webhookDeliverySchema } from '../schemas/webhook-schemas.js';

export const replayWebhookDeliveryRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/webhooks/deliveries/:id/replay',
    {
      schema: {
        operationId: 'replayWebhookDelivery',
        tags: ['webhooks'],
        summary: 'Send a delivered or dead message again (webhook managers)',
        description:
          'Pending again, due now, with a new retry budget and the same `webhook-id`. Audited as ' +
          '`webhook_delivery.replayed`. A pending delivery is a 409.',
        params: idParams,
        response: { 200: webhookDeliverySchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => unwrap(await replayWebhookDelivery(request.context, request.actor, request.params.id)),
  );
};
