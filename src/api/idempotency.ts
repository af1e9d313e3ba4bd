import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.js';
import { type Claim, claimRequest, completeRequest } from '../app/idempotency/idempotent-requests.js';
import { type OpenTransaction, openTransaction } from '../db/open-transaction.js';
import type { Database } from '../db/schema.js';
import { buildProblem, sendProblem } from './errors/problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours `Idempotency-Key` (creates). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** A claimed key: the request runs in `unit`, which commits with its answer or rolls back. */
    idempotency?: { scope: string; key: string; unit: OpenTransaction<Database>; context: AppContext };
  }
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['etag', 'location'] as const;

function refuseKey(request: FastifyRequest, reply: FastifyReply) {
  const problem = buildProblem(
    request,
    'validation_failed',
    400,
    'Idempotency-Key must be 1–255 visible ASCII characters',
    { errors: [{ path: 'headers.idempotency-key', message: 'must be 1–255 visible ASCII characters' }] },
  );
  return sendProblem(reply, problem);
}

function answerTaken(
  request: FastifyRequest,
  reply: FastifyReply,
  claimed: Exclude<Claim, { kind: 'claimed' }>,
) {
  switch (claimed.kind) {
    case 'replay':
      reply.headers({ ...claimed.response.headers, 'idempotent-replayed': 'true' });
      // A stored refusal is a problem: replayed as one (RFC 9457), like the first answer.
      return reply
        .code(claimed.status)
        .type(claimed.status >= 400 ? 'application/problem+json' : 'application/json')
        .send(JSON.stringify(claimed.response.body));
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

async function claim(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const header = request.headers['idempotency-key'];
  if (!request.routeOptions.config.idempotent || header === undefined) return;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY.test(key)) return refuseKey(request, reply);
  const scope = `${request.actor.id} ${request.method} ${request.routeOptions.url}`;
  const unit = await openTransaction(app.context.db);
  const context = { ...app.context, db: unit.db };
  let claimed: Claim;
  try {
    claimed = await claimRequest(context, scope, key, request.body);
  } catch (error) {
    await unit.rollback();
    throw error;
  }
  if (claimed.kind === 'claimed') {
    request.idempotency = { scope, key, unit, context };
    return;
  }
  await unit.rollback();
  return answerTaken(request, reply, claimed);
}

/** Commits the request's write with its answer; a 5xx rolls both back so that a retry runs again. */
async function complete(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const claimed = request.idempotency;
  if (!claimed?.unit.isOpen) return payload;
  if (reply.statusCode >= 500) {
    await claimed.unit.rollback();
    return payload;
  }
  const headers = Object.fromEntries(
    REPLAYED_HEADERS.flatMap((name) => {
      const value = reply.getHeader(name);
      return typeof value === 'string' ? [[name, value]] : [];
    }),
  );
  const body = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
  try {
    await completeRequest(claimed.context, claimed.scope, claimed.key, reply.statusCode, { body, headers });
    await claimed.unit.commit();
  } catch (error) {
    await claimed.unit.rollback().catch(() => {});
    // A refusal wrote nothing: answer it anyway (unstored, a retry is refused again). A success that could
    // not be committed must not be reported as one.
    if (reply.statusCode >= 400) return payload;
    throw error;
  }
  return payload;
}

/**
 * `Idempotency-Key` on creates: the request runs in one transaction that claims the key, makes the write
 * and stores the answer, so a retry after a crash replays the answer if the write committed and runs once
 * if it did not. Handlers read `request.context`, which is bound to that transaction.
 */
export function installIdempotency(app: FastifyInstance) {
  app.decorateRequest('context', {
    getter(this: FastifyRequest) {
      return this.idempotency?.context ?? app.context;
    },
  });
  app.addHook('preHandler', (request, reply) => claim(app, request, reply));
  app.addHook('onSend', (request, reply, payload) => complete(request, reply, payload));
  // Whatever happened on the way (an error after onSend, an aborted request), never leave it open.
  app.addHook('onResponse', async (request) => {
    if (request.idempotency?.unit.isOpen) await request.idempotency.unit.rollback();
  });
}
