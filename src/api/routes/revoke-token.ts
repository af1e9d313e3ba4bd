import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { revokeToken } from '../../app/tokens/revoke-token.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams } from '../schemas/record-schemas.js';

export const revokeTokenRoute: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        operationId: 'revokeToken',
        tags: ['tokens'],
        summary: 'Revoke an API token (admins)',
        description: 'The next request with the token is refused (401). Revoking twice is not an error.',
        params: idParams,
        response: { 204: z.null().describe('Revoked'), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      unwrap(await revokeToken(request.context, request.actor, request.params.id));
      return reply.code(204).send(null);
    },
  );
};
