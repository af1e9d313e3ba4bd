import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { snoozeInput, snoozeStall } from '../../app/opportunities/snooze-stall.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams, ifMatchHeaders, opportunitySchema } from '../schemas/record-schemas.js';

export const snoozeStallRoute: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/opportunities/:id/snooze',
    {
      schema: {
        operationId: 'snoozeStall',
        tags: ['opportunities'],
        summary: 'Snooze a stall with a known reason until a resume date',
        params: idParams,
        headers: ifMatchHeaders,
        body: snoozeInput,
        response: { 200: opportunitySchema, ...problemResponses(400, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const expected = expectedVersionFrom(request);
      const deal = unwrap(
        await snoozeStall(request.context, request.actor, request.params.id, request.body, expected),
      );
      reply.header('etag', etagFor(deal.version));
      return deal;
    },
  );
};

export const resumeStallRoute: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/api/v1/opportunities/:id/snooze',
    {
      schema: {
        operationId: 'resumeStall',
        tags: ['opportunities'],
        summary: 'End a snooze: velocity judges the stall again',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...problemResponses(403, 404, 412) },
      },
    },
    async (request, reply) => {
      unwrap(
        await snoozeStall(
          request.context,
          request.actor,
          request.params.id,
          null,
          expectedVersionFrom(request),
        ),
      );
      return reply.code(204).send(null);
    },
  );
};
