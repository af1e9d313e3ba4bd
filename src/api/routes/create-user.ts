import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createUser } from '../../app/users/create-user.js';
import { createUserInput } from '../../app/users/user-inputs.js';
import { etagFor } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idempotencyHeaders } from '../schemas/record-schemas.js';
import { userSchema } from '../schemas/user-schemas.js';

export const createUserRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/users',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createUser',
        tags: ['users'],
        summary: 'Add a user (admins)',
        description:
          'Audited as a permission grant. Without `password` the user cannot sign in until one is set.',
        headers: idempotencyHeaders,
        body: createUserInput,
        response: { 201: userSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const cost = app.auth.settings.passwordCost;
      const user = unwrap(await createUser(request.context, request.actor, request.body, cost));
      reply.code(201).header('etag', etagFor(user.version)).header('location', `/api/v1/users/${user.id}`);
      return user;
    },
  );
};
