import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { FieldIssue } from '../app/app-error.js';
import { unstorableTextProblem } from '../domain/text.js';
import { buildProblem, sendProblem } from './errors/problem.js';

/** Deeper than any body the API takes: a request nested further is refused before it is walked further. */
export const MAX_DEPTH = 32;

const child = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;

/**
 * Every place in a parsed request part (body, query, params) holding text no database column can store as
 * sent — a NUL character or an unpaired surrogate, in a value or in a key — and nesting deeper than
 * MAX_DEPTH. Pure; paths read `body.items[0].name`.
 */
export function findUnsafeText(value: unknown, path: string, depth = 0): FieldIssue[] {
  if (typeof value === 'string') {
    const message = unstorableTextProblem(value);
    return message ? [{ path, message }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_DEPTH) return [{ path, message: `is nested deeper than ${MAX_DEPTH} levels` }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => findUnsafeText(item, child(path, index), depth + 1));
  return Object.entries(value).flatMap(([key, item]) => {
    const keyProblem = unstorableTextProblem(key);
    const at = child(path, keyProblem ? JSON.stringify(key) : key);
    return keyProblem
      ? [{ path: at, message: `its name ${keyProblem}` }]
      : findUnsafeText(item, at, depth + 1);
  });
}

/**
 * Refuses, with 400 and the field path, any request whose body, query or path parameters hold such text —
 * before validation, so no use case and no SQL ever sees it (PostgreSQL refuses NUL in text and unpaired
 * surrogates in JSON, which would otherwise answer 500).
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const errors = [
      ...findUnsafeText(request.params, 'params'),
      ...findUnsafeText(request.query, 'query'),
      // A raw body (machine endpoints) is bytes to verify first; its handler checks the parsed text itself.
      // A body passed on as a stream (an upload) is the route's to read and check.
      ...(Buffer.isBuffer(request.body) || request.body instanceof Readable
        ? []
        : findUnsafeText(request.body, 'body')),
    ];
    if (errors.length === 0) return;
    const detail = `${errors.length} field(s) of the request are not valid.`;
    return sendProblem(reply, buildProblem(request, 'validation_failed', 400, detail, { errors }));
  });
}
