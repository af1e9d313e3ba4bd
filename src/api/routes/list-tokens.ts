import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listTokens } from '../../app/tokens/list-tokens.js';
import { tokenListQuery } from '../../app/tokens/token-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pageOf } from '../pagination.js';
import { apiTokenSchema } from '../schemas/user-schemas.js';

export const listTokensRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/tokens',
    {
      schema: {
        operationId: 'listTokens',
        tags: ['tokens'],
        summary: 'List API tokens (admins)',
        description: 'Newest first, revoked ones included; never the secrets.',
        querystring: tokenListQuery,
        response: { 200: pageOf(apiTokenSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => unwrap(await listTokens(request.context, request.actor, request.query)),
  );
};
