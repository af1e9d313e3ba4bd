import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../app/app-error.js';
import { DEMO_PASSWORD, listDemoSignIns } from '../../app/auth/demo-sign-in.js';
import { ROLES } from '../../domain/access/roles.js';
import { problemResponses } from '../errors/problem.js';
import { fail } from '../errors/unwrap.js';

const demoUsersSchema = z
  .object({
    password: z.string().describe('The documented demo password, the same for every demo user'),
    users: z.array(
      z.object({ email: z.string(), name: z.string(), role: z.enum(ROLES), region: z.string().nullable() }),
    ),
  })
  .meta({ id: 'DemoUsers' });

export const listDemoUsersRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/auth/demo-users',
    {
      config: { public: true },
      schema: {
        operationId: 'listDemoUsers',
        tags: ['auth'],
        security: [],
        summary: 'The demo users (demo mode only)',
        description:
          'Only when the server runs with `--demo`: whom to sign in as, and the demo password. 404 otherwise.',
        response: { 200: demoUsersSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      if (!app.auth.demo) fail(notFound('Route', 'demo-users'));
      return { password: DEMO_PASSWORD, users: await listDemoSignIns(request.context) };
    },
  );
};
