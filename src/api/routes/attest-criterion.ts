import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attestCriterion } from '../../app/opportunities/attest-criterion.js';
import { attestationInput } from '../../app/opportunities/opportunity-inputs.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { attestationSchema, idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

const params = idParams.extend({ criterion: z.string().min(1).max(100) });

export const attestCriterionRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/opportunities/:id/criteria/:criterion',
    {
      schema: {
        operationId: 'attestCriterion',
        tags: ['opportunities'],
        summary: 'Attest an entrance or exit criterion',
        description:
          'Records who attested it and when, with a note and an evidence link (required by some criteria).',
        params,
        headers: ifMatchHeaders,
        body: attestationInput,
        response: { 200: attestationSchema, ...problemResponses(400, 404, 412) },
      },
    },
    async (request) => {
      const { id, criterion } = request.params;
      const change = { kind: 'attest' as const, input: request.body };
      const record = unwrap(
        await attestCriterion(
          request.context,
          request.actor,
          id,
          criterion,
          change,
          expectedVersionFrom(request),
        ),
      );
      if (!record) throw new Error('attesting returned no record');
      return record;
    },
  );
};

export const withdrawAttestationRoute: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/api/v1/opportunities/:id/criteria/:criterion',
    {
      schema: {
        operationId: 'withdrawAttestation',
        tags: ['opportunities'],
        summary: 'Withdraw an attestation',
        params,
        headers: ifMatchHeaders,
        response: {
          204: z.null().describe('Withdrawn (or was not attested)'),
          ...problemResponses(400, 404, 412),
        },
      },
    },
    async (request, reply) => {
      const { id, criterion } = request.params;
      unwrap(
        await attestCriterion(
          request.context,
          request.actor,
          id,
          criterion,
          { kind: 'withdraw' },
          expectedVersionFrom(request),
        ),
      );
      return reply.code(204).send(null);
    },
  );
};
