import type { FastifySchema, RouteOptions } from 'fastify';
import { problemResponses } from './errors/problem.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The problems the HTTP shell answers before any route runs (src/api/auth, src/api/load-shedding.ts): 429
 * when the caller's budget is spent and 503 when the server sheds load (every route), 401 to anonymous callers of non-public routes, 403 to read-only tokens and to cookie
 * changes without CSRF proof on their unsafe methods. Added to each route's documented responses unless the
 * route documents that status itself.
 */
export function withShellProblems<S extends FastifySchema & { hide?: boolean }>(
  schema: S,
  route: RouteOptions,
): S {
  if (!schema || schema.hide) return schema;
  const methods = [route.method].flat().map((method) => method.toUpperCase());
  const signedIn = route.config?.public !== true;
  const statuses = [
    ...(signedIn ? [401] : []),
    ...(signedIn && methods.some((method) => UNSAFE_METHODS.has(method)) ? [403] : []),
    429,
    503,
  ];
  const declared = (schema.response ?? {}) as Record<string, unknown>;
  return { ...schema, response: { ...problemResponses(...statuses), ...declared } };
}
