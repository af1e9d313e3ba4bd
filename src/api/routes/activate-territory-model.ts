import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activateTerritoryModel } from '../../app/territory/activate-territory-model.js';
import { activateTerritoryModelInput } from '../../app/territory/territory-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams } from '../schemas/record-schemas.js';
import { activationSchema } from '../schemas/territory-schemas.js';

export const activateTerritoryModelRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/territory-models/:id/activate',
    {
      schema: {
        operationId: 'activateTerritoryModel',
        tags: ['territories'],
        summary: 'Activate a draft: reassign accounts and deals as the preview says',
        description:
          'One transaction. Refused with 422 `refusals` and `coverage` (nothing written) when the coverage proof finds ' +
          'a gap or an overlap or a person does not resolve to an active user of the right role; 409 when not a draft ' +
          'or the rowVersion is stale. The active version is archived; every account and deal the preview lists changes ' +
          "owner with one audit event each; the model's AEs take their territory's region and its RVPs the region " +
          'they lead. RevOps (manageTerritories).',
        params: idParams,
        body: activateTerritoryModelInput,
        response: { 200: activationSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      unwrap(await activateTerritoryModel(request.context, request.actor, request.params.id, request.body)),
  );
};
