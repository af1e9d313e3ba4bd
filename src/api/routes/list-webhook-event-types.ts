import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listWebhookEventTypes } from '../../app/webhooks/list-webhook-event-types.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';

export const listWebhookEventTypesRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/webhooks/event-types',
    {
      schema: {
        operationId: 'listWebhookEventTypes',
        tags: ['webhooks'],
        summary: 'The event types a subscription can ask for',
        description: 'Every action the audit log records, by its name (`opportunity.stage_changed`).',
        response: { 200: z.object({ items: z.array(z.string()) }), ...problemResponses(401, 403) },
      },
    },
    async (request) => unwrap(listWebhookEventTypes(request.actor)),
  );
};
