import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { correctContractInput } from '../../app/contracts/contract-inputs.js';
import { correctContract } from '../../app/contracts/correct-contract.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { contractChangedSchema } from '../schemas/contract-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const correctContractRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/contracts/:id',
    {
      schema: {
        operationId: 'correctContract',
        tags: ['accounts'],
        summary: "Correct a contract's terms: its dates or TCV (Finance, RevOps)",
        description:
          'Audited as contract.corrected with the terms before and after. If-Match (optional) is the ' +
          "contract version; the ETag answered is the contract's new one.",
        params: idParams,
        headers: ifMatchHeaders,
        body: correctContractInput,
        response: { 200: contractChangedSchema, ...problemResponses(400, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const changed = unwrap(
        await correctContract(
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
