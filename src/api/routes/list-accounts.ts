import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountListQuery } from '../../app/accounts/account-inputs.js';
import { listAccounts } from '../../app/accounts/read-accounts.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pageOf } from '../pagination.js';
import { accountSchema } from '../schemas/record-schemas.js';

export const listAccountsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/accounts',
    {
      schema: {
        operationId: 'listAccounts',
        tags: ['accounts'],
        summary: 'List accounts',
        description: 'By name; `search` matches part of the name; filter by country, segment, owner.',
        querystring: accountListQuery,
        response: { 200: pageOf(accountSchema), ...problemResponses(400) },
      },
    },
    async (request) => unwrap(await listAccounts(request.context, request.actor, request.query)),
  );
};
