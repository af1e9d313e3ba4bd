import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { claimRequest, completeRequest, releaseRequest } from '../app/idempotency/idempotent-requests.js';
import { buildProblem, sendProblem } from './errors/problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours `Idempotency-Key` (creates). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['etag', 'location'] as const;

async function claim(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const header = request.headers['idempotency-key'];
  if (!request.routeOptions.config.idempotent || header === undefined) return;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY.test(key)) {
    const problem = buildProblem(
      request,
      'validation_failed',
      400,
      'Idempotency-Key must be 1–255 visible ASCII characters',
      {
        errors: [{ path: 'headers.idempotency-key', message: 'must be 1–255 visible ASCII characters' }],
      },
    );
    return sendProblem(reply, problem);
  }
  const scope = `${request.actor.id} ${request.method} ${request.routeOptions.url}`;
  const claimed = await claimRequest(app.context, scope, key, request.body);
  switch (claimed.kind) {
    case 'claimed':
      request.idempotency = { scope, key };
      return;
    case 'replay':
      reply.headers({ ...claimed.response.headers, 'idempotent-replayed': 'true' });
      return reply.code(claimed.status).type('application/json').send(JSON.stringify(claimed.response.body));
    case 'in_progress':
      return sendProblem(
        reply,
        buildProblem(
          request,
          'conflict',
          409,
          'A request with this Idempotency-Key is still running; retry shortly',
        ),
      );
    case 'reused_with_other_body':
      return sendProblem(
        reply,
        buildProblem(
          request,
          'idempotency_key_reused',
          422,
          'This Idempotency-Key was used with a different request body',
        ),
      );
  }
}

/** `Idempotency-Key` on creates: a retried POST returns the first answer instead of creating twice. */
export function installIdempotency(app: FastifyInstance) {
  app.addHook('preHandler', (request, reply) => claim(app, request, reply));
  app.addHook('onSend', async (request, reply, payload) => {
    const claimed = request.idempotency;
    if (!claimed) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 500) {
      await releaseRequest(app.context, claimed.scope, claimed.key);
      return payload;
    }
    const headers = Object.fromEntries(
      REPLAYED_HEADERS.flatMap((name) => {
        const value = reply.getHeader(name);
        return typeof value === 'string' ? [[name, value]] : [];
      }),
    );
    const body = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
    await completeRequest(app.context, claimed.scope, claimed.key, reply.statusCode, { body, headers });
    return payload;
  });
}
