import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createWebhookSubscription } from '../../app/webhooks/create-webhook-subscription.js';
import { createWebhookSubscriptionInput } from '../../app/webhooks/webhook-inputs.js';
import { etagFor } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { createdWebhookSubscriptionSchema } from '../schemas/webhook-schemas.js';

/** Not idempotent on purpose: a replayed answer would have to store the secret. */
export const createWebhookSubscriptionRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/webhooks/subscriptions',
    {
      schema: {
        operationId: 'createWebhookSubscription',
        tags: ['webhooks'],
        summary: 'Subscribe a URL to events (webhook managers)',
        description:
          'Messages are POSTed as JSON `{ type, timestamp, data }` with the Standard Webhooks headers ' +
          '`webhook-id`, `webhook-timestamp`, `webhook-signature` (HMAC-SHA256 with the secret in this answer, shown ' +
          'once). The URL must be https:// and every address its host resolves to public (400 at `body.url` ' +
          'otherwise), unless the server is configured to allow http or private targets.',
        body: createWebhookSubscriptionInput,
        response: { 201: createdWebhookSubscriptionSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = unwrap(await createWebhookSubscription(request.context, request.actor, request.body));
      reply
        .code(201)
        .header('location', `/api/v1/webhooks/subscriptions/${created.subscription.id}`)
        .header('etag', etagFor(created.subscription.version));
      return created;
    },
  );
};
