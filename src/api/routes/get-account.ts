import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getAccount } from '../../app/accounts/read-accounts.js';
import { etagFor } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { accountViewSchema, idParams } from '../schemas/record-schemas.js';

export const getAccountRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/accounts/:id',
    {
      schema: {
        operationId: 'getAccount',
        tags: ['accounts'],
        summary: 'Read an account with its contacts and opportunities',
        params: idParams,
        response: { 200: accountViewSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const view = unwrap(await getAccount(request.context, request.actor, request.params.id));
      reply.header('etag', etagFor(view.account.version));
      return view;
    },
  );
};
