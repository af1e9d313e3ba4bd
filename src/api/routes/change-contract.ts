import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppError } from '../../app/app-error.js';
import type { Actor, AppContext } from '../../app/context.js';
import { correctContractInput, endContractInput } from '../../app/contracts/contract-inputs.js';
import { correctContract } from '../../app/contracts/correct-contract.js';
import { endContract } from '../../app/contracts/end-contract.js';
import type { Result } from '../../domain/result.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { contractChangedSchema } from '../schemas/contract-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

type Changed = z.infer<typeof contractChangedSchema>;

/** A change of one contract by Finance: If-Match its version, answer it with its new ETag. */
function contractChangeRoute<B extends z.ZodType>(change: {
  method: 'patch' | 'post';
  url: string;
  operationId: string;
  summary: string;
  description: string;
  body: B;
  run: (
    context: AppContext,
    actor: Actor,
    id: string,
    input: z.infer<B>,
    expectedVersion: number | undefined,
  ) => Promise<Result<Changed, AppError>>;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app[change.method](
      change.url,
      {
        schema: {
          operationId: change.operationId,
          tags: ['accounts'],
          summary: change.summary,
          description: change.description,
          params: idParams,
          headers: ifMatchHeaders,
          body: change.body,
          response: { 200: contractChangedSchema, ...problemResponses(400, 403, 404, 412) },
        },
      },
      async (request, reply) => {
        const changed = unwrap(
          await change.run(
            request.context,
            request.actor,
            request.params.id,
            request.body as z.infer<B>,
            expectedVersionFrom(request),
          ),
        );
        reply.header('etag', etagFor(changed.contract.version));
        return changed;
      },
    );
  };
}

export const correctContractRoute = contractChangeRoute({
  method: 'patch',
  url: '/api/v1/contracts/:id',
  operationId: 'correctContract',
  summary: "Correct a contract's terms: its dates or TCV (Finance, RevOps)",
  description:
    'Audited as contract.corrected with the terms before and after. If-Match (optional) is the ' +
    "contract version; the ETag answered is the contract's new one.",
  body: correctContractInput,
  run: correctContract,
});

export const endContractRoute = contractChangeRoute({
  method: 'post',
  url: '/api/v1/contracts/:id/end',
  operationId: 'endContract',
  summary: 'End a contract before term (Finance, RevOps)',
  description:
    'The contract is in force through endedOn only (the account may stop being a commit customer) and ' +
    'gets no renewal deal. Audited as contract.ended. If-Match (optional) is the contract version.',
  body: endContractInput,
  run: endContract,
});
