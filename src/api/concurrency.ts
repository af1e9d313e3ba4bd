import type { FastifyRequest } from 'fastify';
import { invalid } from '../app/app-error.js';
import { fail } from './errors/unwrap.js';

/** The ETag of a record version: `"v3"`. */
export const etagFor = (version: number): string => `"v${version}"`;

const ENTITY_TAG = /^(?:W\/)?"v(0|[1-9]\d{0,14})"$/;

/**
 * Reads If-Match as the version a write expects: a number, `undefined` when absent or `*` (any version),
 * or `'invalid'` for anything else (including a list of several tags). Weak tags are accepted.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined | 'invalid' {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*') return undefined;
  const version = ENTITY_TAG.exec(value)?.[1];
  return version === undefined ? 'invalid' : Number(version);
}

/** The `expectedVersion` for a use case from If-Match; an unreadable If-Match ends the request with 400. */
export function expectedVersionFrom(request: FastifyRequest): number | undefined {
  const parsed = parseIfMatch(request.headers['if-match']);
  if (parsed === 'invalid') {
    fail(invalid([{ path: 'headers.if-match', message: 'one ETag this API returned, such as "v3", or *' }]));
  }
  return parsed;
}
