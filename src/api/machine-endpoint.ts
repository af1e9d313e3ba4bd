import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { FieldIssue } from '../app/app-error.js';
import { processInboundEvents } from '../app/integrations/process-inbound-events.js';
import { recordInboundEvent } from '../app/integrations/record-inbound-event.js';
import type { JsonValue } from '../db/schema.js';
import type { InboundEventFacts } from '../domain/inbound/inbound-event.js';
import { buildProblem, problemResponses, sendHttpProblem, sendProblem } from './errors/problem.js';
import { findUnsafeText } from './text-guard.js';

/**
 * Endpoints that vendors' machines call (DocuSign Connect, an EventBridge API destination): no session, no
 * CSRF, no API token — the request proves itself (an HMAC over the body, a secret header), and that proof is
 * checked over the raw bytes before anything is parsed. Routes opt in with `config: { public: true,
 * machine: true }` (authenticate-request.ts then ignores any cookie or bearer sent along) and call
 * `acceptRawBodies` in their plugin, which is encapsulated: no other route's parsing changes.
 */
export function acceptRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

/**
 * The route's schemas document the request (OpenAPI) but are not applied by Fastify: the body must stay the
 * bytes that were signed until the signature is checked; the handler validates it afterwards.
 */
export const documentOnly: FastifySchemaCompiler<unknown> = () => (value) => ({ value });

export const rawBodyOf = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

export const receivedSchemaResponses = problemResponses(400, 401);

/** Answers 401 problem+json: the request did not prove it comes from the vendor. Nothing was read or stored. */
export const refuseUnproven = (reply: FastifyReply, detail: string): FastifyReply =>
  sendHttpProblem(reply, 'unauthorized', detail);

const zodIssuesAt = (issues: z.core.$ZodIssue[]): FieldIssue[] =>
  issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${String(key)}`),
      'body',
    ),
    message: issue.message,
  }));

/** A verified body read as JSON and checked by `schema`: the value, or the field issues (400). */
export function readVerifiedBody<S extends z.ZodType>(
  raw: Buffer,
  schema: S,
): { ok: true; value: z.infer<S>; json: JsonValue } | { ok: false; issues: FieldIssue[] } {
  let json: JsonValue;
  try {
    json = JSON.parse(raw.toString('utf8')) as JsonValue;
  } catch {
    return { ok: false, issues: [{ path: 'body', message: 'is not valid JSON' }] };
  }
  const unsafe = findUnsafeText(json, 'body');
  if (unsafe.length > 0) return { ok: false, issues: unsafe };
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data, json }
    : { ok: false, issues: zodIssuesAt(parsed.error.issues) };
}

function refuseInvalid(reply: FastifyReply, issues: FieldIssue[]): FastifyReply {
  const detail = `${issues.length} field(s) of the event are not valid.`;
  return sendProblem(
    reply,
    buildProblem(reply.request, 'validation_failed', 400, detail, { errors: issues }),
  );
}

/**
 * The rest of a delivery whose proof the route has checked: read and validate the body (400 at the field),
 * store the event once, answer 200 at once — `duplicate: true` when it was already on file.
 */
export async function receiveProvenEvent<S extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  factsOf: (event: z.infer<S>) => InboundEventFacts,
) {
  const event = readVerifiedBody(rawBodyOf(request.body), schema);
  if (!event.ok) return refuseInvalid(reply, event.issues);
  const { stored } = await recordInboundEvent(request.context, factsOf(event.value), event.json);
  // Stored first; processing now is best effort (the inbound-events job retries whatever is left).
  if (stored)
    await processInboundEvents(request.context).catch((error: unknown) =>
      request.log.error({ err: error }, 'processing inbound events failed; the job retries'),
    );
  return { received: true as const, duplicate: !stored };
}
