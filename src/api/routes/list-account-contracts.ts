import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listContracts } from '../../app/contracts/list-contracts.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { contractListSchema } from '../schemas/contract-schemas.js';
import { idParams } from '../schemas/record-schemas.js';

export const listAccountContractsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/accounts/:id/contracts',
    {
      schema: {
        operationId: 'listAccountContracts',
        tags: ['accounts'],
        summary: "List an account's contracts, latest-ending first",
        params: idParams,
        response: { 200: contractListSchema, ...problemResponses(404) },
      },
    },
    async (request) => unwrap(await listContracts(request.context, request.actor, request.params.id)),
  );
};
