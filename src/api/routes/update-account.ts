import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updateAccountInput } from '../../app/accounts/account-inputs.js';
import { updateAccount } from '../../app/accounts/save-account.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { accountSchema, idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const updateAccountRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/accounts/:id',
    {
      schema: {
        operationId: 'updateAccount',
        tags: ['accounts'],
        summary: 'Edit an account',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateAccountInput,
        response: { 200: accountSchema, ...problemResponses(400, 404, 412) },
      },
    },
    async (request, reply) => {
      const expected = expectedVersionFrom(request);
      const account = unwrap(
        await updateAccount(request.context, request.actor, request.params.id, request.body, expected),
      );
      reply.header('etag', etagFor(account.version));
      return account;
    },
  );
};
