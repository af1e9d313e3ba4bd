import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rotateWebhookSecret } from '../../app/webhooks/rotate-webhook-secret.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';
import { createdWebhookSubscriptionSchema } from '../schemas/webhook-schemas.js';

export const rotateWebhookSecretRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/webhooks/subscriptions/:id/rotate-secret',
    {
      schema: {
        operationId: 'rotateWebhookSecret',
        tags: ['webhooks'],
        summary: 'Rotate the signing secret (webhook managers)',
        description:
          'The new secret is in this answer only. For 24 hours messages carry two signatures (new and old secret) ' +
          'in `webhook-signature`, so the receiver can switch without refusing a message.',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: createdWebhookSubscriptionSchema, ...problemResponses(401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const rotated = unwrap(
        await rotateWebhookSecret(
          request.context,
          request.actor,
          request.params.id,
          expectedVersionFrom(request),
        ),
      );
      reply.header('etag', etagFor(rotated.subscription.version));
      return rotated;
    },
  );
};
