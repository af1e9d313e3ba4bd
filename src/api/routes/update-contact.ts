import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updateContactInput } from '../../app/accounts/account-inputs.js';
import { updateContact } from '../../app/accounts/save-contact.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { contactSchema, idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const updateContactRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        operationId: 'updateContact',
        tags: ['accounts'],
        summary: 'Edit a contact',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateContactInput,
        response: { 200: contactSchema, ...problemResponses(400, 404, 412) },
      },
    },
    async (request, reply) => {
      const expected = expectedVersionFrom(request);
      const contact = unwrap(
        await updateContact(request.context, request.actor, request.params.id, request.body, expected),
      );
      reply.header('etag', etagFor(contact.version));
      return contact;
    },
  );
};
