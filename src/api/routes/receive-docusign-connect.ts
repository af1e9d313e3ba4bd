import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { connectEventFacts, connectEventSchema } from '../../integrations/docusign/connect-event.js';
import { isSignedByConnect } from '../../integrations/docusign/connect-signature.js';
import {
  acceptRawBodies,
  documentOnly,
  rawBodyOf,
  receivedSchemaResponses,
  receiveProvenEvent,
  refuseUnproven,
} from '../machine-endpoint.js';
import { receivedSchema } from '../schemas/inbound-schemas.js';

const signatureHeaders = z.object({
  'x-docusign-signature-1': z
    .string()
    .optional()
    .describe('Base64 HMAC-SHA256 of the raw body under one Connect key; -2, -3 … follow for more keys'),
});

export const receiveDocusignConnectRoute: FastifyPluginAsyncZod = async (app) => {
  acceptRawBodies(app);
  app.post(
    '/api/v1/integrations/docusign/connect',
    {
      config: { public: true, machine: true },
      validatorCompiler: documentOnly,
      schema: {
        operationId: 'receiveDocusignConnect',
        tags: ['integrations'],
        security: [],
        summary: 'DocuSign Connect: receive an envelope event (JSON SIM, HMAC-signed)',
        description:
          'Point a Connect configuration (or an envelope eventNotification) here with HMAC signing on. The ' +
          '`X-DocuSign-Signature-N` headers are checked against the raw body and every key in ' +
          '`DOCUSIGN_CONNECT_HMAC_KEYS` before anything else: no match is 401 and nothing is read or ' +
          'stored. A signed event is validated (400 with the field) and stored once; a retry of the same ' +
          'delivery answers 200 with `duplicate: true`.',
        headers: signatureHeaders,
        body: connectEventSchema,
        response: { 200: receivedSchema, ...receivedSchemaResponses },
      },
    },
    async (request, reply) => {
      const raw = rawBodyOf(request.body);
      if (!isSignedByConnect(raw, request.headers, app.inbound.docusignConnectHmacKeys)) {
        return refuseUnproven(
          reply,
          'No X-DocuSign-Signature-N header is the HMAC-SHA256 of this body under a key this server holds.',
        );
      }
      return receiveProvenEvent(request, reply, connectEventSchema, connectEventFacts);
    },
  );
};
