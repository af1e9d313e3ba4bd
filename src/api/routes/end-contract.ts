import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { endContractInput } from '../../app/contracts/contract-inputs.js';
import { endContract } from '../../app/contracts/end-contract.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { contractChangedSchema } from '../schemas/contract-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const endContractRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/contracts/:id/end',
    {
      schema: {
        operationId: 'endContract',
        tags: ['accounts'],
        summary: 'End a contract before term (Finance, RevOps)',
        description:
          'The contract is in force through endedOn only (the account may stop being a commit customer) and ' +
          'gets no renewal deal. Audited as contract.ended. If-Match (optional) is the contract version.',
        params: idParams,
        headers: ifMatchHeaders,
        body: endContractInput,
        response: { 200: contractChangedSchema, ...problemResponses(400, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const changed = unwrap(
        await endContract(
          request.context,
          request.actor,
          request.params.id,
          request.body,
          expectedVersionFrom(request),
        ),
      );
      reply.header('etag', etagFor(changed.contract.version));
      return changed;
    },
  );
};
