import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeStage } from '../../app/opportunities/change-stage.js';
import { stageChangeInput } from '../../app/opportunities/opportunity-inputs.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams, ifMatchHeaders, stageChangedSchema } from '../schemas/record-schemas.js';

export const changeStageRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/opportunities/:id/stage',
    {
      schema: {
        operationId: 'changeStage',
        tags: ['opportunities'],
        summary: 'Move an opportunity to another stage, through the gate',
        description:
          'Forward moves need the exit criteria of every stage left, the entrance criteria of every stage entered ' +
          'and the cumulative qualification levels; backward moves a `reason`; Closed Lost a `lossReason`; Closed Won is ' +
          'reachable only from Signature with the closing evidence. A blocked move answers 422 with `missing` and ' +
          'changes nothing; a move returns the gate snapshot that is stored in the history.',
        params: idParams,
        headers: ifMatchHeaders,
        body: stageChangeInput,
        response: { 200: stageChangedSchema, ...problemResponses(400, 403, 404, 409, 412, 422) },
      },
    },
    async (request, reply) => {
      const expected = expectedVersionFrom(request);
      const changed = unwrap(
        await changeStage(request.context, request.actor, request.params.id, request.body, expected),
      );
      reply.header('etag', etagFor(changed.opportunity.version));
      return changed;
    },
  );
};
