import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updateTerritoryDraftInput } from '../../app/territory/territory-inputs.js';
import { updateTerritoryDraft } from '../../app/territory/update-territory-draft.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams } from '../schemas/record-schemas.js';
import { territoryModelDetailSchema } from '../schemas/territory-schemas.js';

export const updateTerritoryDraftRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/territory-models/:id',
    {
      schema: {
        operationId: 'updateTerritoryDraft',
        tags: ['territories'],
        summary: "Replace a draft's model",
        description:
          'Drafts only (409 for an active or archived version, and for a stale rowVersion). A model whose references ' +
          'or codes do not check is a 422 with `problems`. Gaps and overlaps are allowed in a draft: they show in ' +
          '`coverage`, and only activation refuses them. RevOps (manageTerritories).',
        params: idParams,
        body: updateTerritoryDraftInput,
        response: { 200: territoryModelDetailSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      unwrap(await updateTerritoryDraft(request.context, request.actor, request.params.id, request.body)),
  );
};
