import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listUsers } from '../../app/users/list-users.js';
import { userListQuery } from '../../app/users/user-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pageOf } from '../pagination.js';
import { userSchema } from '../schemas/user-schemas.js';

export const listUsersRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/users',
    {
      schema: {
        operationId: 'listUsers',
        tags: ['users'],
        summary: 'List users',
        description: 'Everyone signed in may list the people of the org (owner pickers); by name, paged.',
        querystring: userListQuery,
        response: { 200: pageOf(userSchema), ...problemResponses(400, 401) },
      },
    },
    async (request) => unwrap(await listUsers(request.context, request.actor, request.query)),
  );
};
