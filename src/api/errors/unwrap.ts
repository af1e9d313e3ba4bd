import type { AppError } from '../../app/app-error.js';
import type { Result } from '../../domain/result.js';
import type { HttpProblemCode } from './problem.js';

/**
 * Carries an expected use-case failure from a route handler to the error handler, which answers it
 * with sendAppError. Only routes throw it: use cases return `Result`s.
 */
export class AppErrorResponse extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'AppErrorResponse';
  }
}

/** Stops the route with this expected failure (answered as problem+json). */
export function fail(error: AppError): never {
  throw new AppErrorResponse(error);
}

/** The value of a successful result; a failed one ends the request as a problem. */
export function unwrap<T>(result: Result<T, AppError>): T {
  if (!result.ok) fail(result.error);
  return result.value;
}

/**
 * Carries an HTTP problem (not a use-case failure) from a hook or a plugin to the error handler: the request
 * budgets' 429 thrown by @fastify/rate-limit.
 */
export class HttpProblemResponse extends Error {
  constructor(
    readonly code: HttpProblemCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'HttpProblemResponse';
  }
}
