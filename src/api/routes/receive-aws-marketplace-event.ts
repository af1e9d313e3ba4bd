import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agreementEventFacts,
  agreementEventSchema,
} from '../../integrations/aws-marketplace/agreement-event.js';
import { hasEventsKey } from '../../integrations/aws-marketplace/events-key.js';
import {
  acceptRawBodies,
  documentOnly,
  receivedSchemaResponses,
  receiveProvenEvent,
  refuseUnproven,
} from '../machine-endpoint.js';
import { receivedSchema } from '../schemas/inbound-schemas.js';

export const receiveAwsMarketplaceEventRoute: FastifyPluginAsyncZod = async (app) => {
  acceptRawBodies(app);
  app.post(
    '/api/v1/integrations/aws-marketplace/events',
    {
      config: { public: true, machine: true },
      validatorCompiler: documentOnly,
      schema: {
        operationId: 'receiveAwsMarketplaceEvent',
        tags: ['integrations'],
        security: [],
        summary: 'AWS Marketplace agreement events, from an EventBridge API destination',
        description:
          "The API destination's connection (API-key authorization) sends the header named by " +
          '`AWS_EVENTS_HEADER_NAME` (default `x-closepath-events-key`) with one of `AWS_EVENTS_SECRETS`; it ' +
          'is compared in constant time before anything else: no match is 401 and nothing is read or ' +
          'stored. `Purchase Agreement Created / Amended / Ended - Proposer` events are validated (400 with ' +
          'the field) and stored once by their event id; a redelivery answers 200 with `duplicate: true`.',
        body: agreementEventSchema,
        response: { 200: receivedSchema, ...receivedSchemaResponses },
      },
    },
    async (request, reply) => {
      const { awsEventsHeaderName, awsEventsSecrets } = app.inbound;
      if (!hasEventsKey(request.headers, awsEventsHeaderName, awsEventsSecrets)) {
        return refuseUnproven(
          reply,
          'The events key header is missing or holds no secret this server accepts.',
        );
      }
      return receiveProvenEvent(request, reply, agreementEventSchema, agreementEventFacts);
    },
  );
};
