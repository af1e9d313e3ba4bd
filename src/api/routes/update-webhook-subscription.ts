import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updateWebhookSubscription } from '../../app/webhooks/update-webhook-subscription.js';
import { updateWebhookSubscriptionInput } from '../../app/webhooks/webhook-inputs.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';
import { webhookSubscriptionSchema } from '../schemas/webhook-schemas.js';

export const updateWebhookSubscriptionRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/webhooks/subscriptions/:id',
    {
      schema: {
        operationId: 'updateWebhookSubscription',
        tags: ['webhooks'],
        summary: 'Edit, disable or enable a webhook subscription (webhook managers)',
        description:
          '`active: false` disables it (audited as `webhook_subscription.disabled`): its deliveries wait, pending, ' +
          'until it is enabled again. A new URL is checked as on create.',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateWebhookSubscriptionInput,
        response: { 200: webhookSubscriptionSchema, ...problemResponses(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const subscription = unwrap(
        await updateWebhookSubscription(
          request.context,
          request.actor,
          request.params.id,
          request.body,
          expectedVersionFrom(request),
        ),
      );
      reply.header('etag', etagFor(subscription.version));
      return subscription;
    },
  );
};
