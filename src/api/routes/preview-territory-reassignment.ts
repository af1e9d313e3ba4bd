import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { previewReassignment } from '../../app/territory/preview-reassignment.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams } from '../schemas/record-schemas.js';
import { reassignmentPreviewSchema } from '../schemas/territory-schemas.js';

export const previewTerritoryReassignmentRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/territory-models/:id/preview',
    {
      schema: {
        operationId: 'previewTerritoryReassignment',
        tags: ['territories'],
        summary: 'Preview what activating a version would change',
        description:
          'Changes nothing. Whether it may be activated (and every refusal), the accounts that would change owner ' +
          '(pinned and unroutable ones keep theirs), and their deals: open deals owned by an AE follow the new AE; ' +
          'open deals owned by a CSM (renewals) or anyone else keep their owner; closed deals never move. Counts ' +
          'per owner; the lists stop at 500. RevOps (manageTerritories).',
        params: idParams,
        response: { 200: reassignmentPreviewSchema, ...problemResponses(403, 404) },
      },
    },
    async (request) => unwrap(await previewReassignment(request.context, request.actor, request.params.id)),
  );
};
