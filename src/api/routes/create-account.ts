import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createAccountInput } from '../../app/accounts/account-inputs.js';
import { createAccount } from '../../app/accounts/save-account.js';
import { etagFor } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { accountSchema, idempotencyHeaders } from '../schemas/record-schemas.js';

export const createAccountRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/accounts',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createAccount',
        tags: ['accounts'],
        summary: 'Create an account',
        description:
          'Geography (ISO country, ISO 3166-2 subdivision, city, postal code) and segment route territories.',
        headers: idempotencyHeaders,
        body: createAccountInput,
        response: { 201: accountSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const account = unwrap(await createAccount(request.context, request.actor, request.body));
      reply
        .code(201)
        .header('etag', etagFor(account.version))
        .header('location', `/api/v1/accounts/${account.id}`);
      return account;
    },
  );
};
