import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createContactInput } from '../../app/accounts/account-inputs.js';
import { createContact } from '../../app/accounts/save-contact.js';
import { etagFor } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { contactSchema, idempotencyHeaders, idParams } from '../schemas/record-schemas.js';

export const createContactRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/accounts/:id/contacts',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createContact',
        tags: ['accounts'],
        summary: 'Add a contact to an account',
        params: idParams,
        headers: idempotencyHeaders,
        body: createContactInput,
        response: { 201: contactSchema, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const contact = unwrap(
        await createContact(request.context, request.actor, request.params.id, request.body),
      );
      reply.code(201).header('etag', etagFor(contact.version));
      return contact;
    },
  );
};
