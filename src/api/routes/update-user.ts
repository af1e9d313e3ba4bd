import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updateUser } from '../../app/users/update-user.js';
import { updateUserInput } from '../../app/users/user-inputs.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';
import { userSchema } from '../schemas/user-schemas.js';

export const updateUserRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        operationId: 'updateUser',
        tags: ['users'],
        summary: 'Edit a user (admins)',
        description:
          'Role, region, manager and active are permissions: audited as `user.permissions_changed`. ' +
          '`active: false` ends the user’s sessions and revokes their API tokens at once. ' +
          'The last active administrator cannot be demoted or disabled (409).',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateUserInput,
        response: { 200: userSchema, ...problemResponses(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const expected = expectedVersionFrom(request);
      const user = unwrap(
        await updateUser(request.context, request.actor, request.params.id, request.body, expected),
      );
      reply.header('etag', etagFor(user.version));
      return user;
    },
  );
};
