import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditQuery, listAuditLog } from '../../app/audit/list-audit-events.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { pageOf } from '../pagination.js';
import { auditEventSchema } from '../schemas/user-schemas.js';

export const listAuditEventsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary: 'The audit log (admins)',
        description:
          'Every change, sign-in (success and failure), permission change and token issue/revocation, ' +
          'newest first, with actor and request id. Filter by actor, action, entity and time.',
        querystring: auditQuery,
        response: { 200: pageOf(auditEventSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => unwrap(await listAuditLog(request.context, request.actor, request.query)),
  );
};
