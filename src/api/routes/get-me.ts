import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../app/app-error.js';
import { findSignedInUser } from '../../app/auth/find-signed-in-user.js';
import { rolePermissions } from '../../domain/access/permissions.js';
import { problemResponses } from '../errors/problem.js';
import { fail } from '../errors/unwrap.js';
import { signedInSchema } from '../schemas/user-schemas.js';

export const getMeRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'Who is signed in',
        description:
          'The signed-in user and, for a cookie session, its CSRF token (e.g. after a page reload).',
        response: { 200: signedInSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const user = await findSignedInUser(request.context, request.actor);
      if (!user) fail(notFound('User', request.actor.id));
      const credential = request.credential;
      const session = credential?.kind === 'session' ? credential : null;
      return {
        user,
        csrfToken: session?.csrfToken ?? null,
        expiresAt: session?.expiresAt ?? null,
        permissions: rolePermissions(request.actor.principal),
      };
    },
  );
};
