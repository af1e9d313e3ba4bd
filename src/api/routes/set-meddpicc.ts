import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meddpiccInput } from '../../app/opportunities/opportunity-inputs.js';
import { setMeddpicc } from '../../app/opportunities/set-meddpicc.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams, ifMatchHeaders, meddpiccEntrySchema } from '../schemas/record-schemas.js';

export const setMeddpiccRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/opportunities/:id/meddpicc/:element',
    {
      schema: {
        operationId: 'setMeddpicc',
        tags: ['opportunities'],
        summary: "Record one element of the playbook's qualification framework",
        description:
          'Level unknown → identified → validated, with a summary; Economic Buyer and Champion link a contact of the ' +
          'account. Changes the opportunity version (its ETag).',
        params: idParams.extend({ element: z.string().min(1).max(64) }),
        headers: ifMatchHeaders,
        body: meddpiccInput,
        response: { 200: meddpiccEntrySchema, ...problemResponses(400, 404, 412) },
      },
    },
    async (request) => {
      const { id, element } = request.params;
      const expected = expectedVersionFrom(request);
      return unwrap(await setMeddpicc(request.context, request.actor, id, element, request.body, expected));
    },
  );
};
