import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordContractInput } from '../../app/contracts/contract-inputs.js';
import { recordContract } from '../../app/contracts/record-contract.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { contractRecordedSchema } from '../schemas/contract-schemas.js';
import { idempotencyHeaders, idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const recordContractRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/accounts/:id/contracts',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'recordContract',
        tags: ['accounts'],
        summary: 'Record a commit contract on an account (Finance, RevOps)',
        description:
          "The account's class follows from its contracts: one in force today makes it a Commit Customer. " +
          'If-Match (optional) is the account version; the answer carries its new one.',
        params: idParams,
        headers: idempotencyHeaders.extend(ifMatchHeaders.shape),
        body: recordContractInput,
        response: { 201: contractRecordedSchema, ...problemResponses(400, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const recorded = unwrap(
        await recordContract(
          request.context,
          request.actor,
          request.params.id,
          request.body,
          expectedVersionFrom(request),
        ),
      );
      reply.code(201).header('etag', etagFor(recorded.accountVersion));
      return recorded;
    },
  );
};
