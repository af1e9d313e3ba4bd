import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logout } from '../../app/auth/logout.js';
import { clearSessionCookie } from '../auth/session-cookie.js';
import { problemResponses } from '../errors/problem.js';

export const logoutRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'Sign out',
        description:
          'Ends the session on the server (the cookie is worthless afterwards) and clears the cookie. ' +
          'API tokens are not signed out: revoke them with DELETE /api/v1/tokens/{id}.',
        response: { 204: z.null(), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const credential = request.credential;
      if (credential?.kind === 'session') await logout(request.context, request.actor, credential.idHash);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
};
