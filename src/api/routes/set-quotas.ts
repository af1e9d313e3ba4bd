import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setQuotasInput } from '../../app/forecast/forecast-inputs.js';
import { setQuotas } from '../../app/forecast/set-quotas.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';

export const setQuotasRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/quotas',
    {
      schema: {
        operationId: 'setQuotas',
        tags: ['forecast'],
        summary: "Set owners' quotas (RevOps, VP Finance)",
        description:
          'Each names an owner and the first day of a period of the playbook calendar; all or nothing, each audited.',
        body: setQuotasInput,
        response: {
          200: z.object({ updated: z.number().int().describe('Quotas set') }),
          ...problemResponses(400, 403),
        },
      },
    },
    async (request) => {
      const answer = unwrap(await setQuotas(request.context, request.actor, request.body));
      return answer;
    },
  );
};
