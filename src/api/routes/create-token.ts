import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createToken } from '../../app/tokens/create-token.js';
import { createTokenInput } from '../../app/tokens/token-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { createdTokenSchema } from '../schemas/user-schemas.js';

/** Not idempotent on purpose: a replayed answer would have to store the secret. */
export const createTokenRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        operationId: 'createToken',
        tags: ['tokens'],
        summary: 'Issue an API token (admins)',
        description:
          'The token acts as `userId` with that user’s rights; `read` tokens are refused (403) on ' +
          'POST/PUT/PATCH/DELETE. The secret is in this answer only. Send it as `Authorization: Bearer …`.',
        body: createTokenInput,
        response: { 201: createdTokenSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = unwrap(await createToken(request.context, request.actor, request.body));
      reply.code(201).header('location', `/api/v1/tokens/${created.token.id}`);
      return created;
    },
  );
};
