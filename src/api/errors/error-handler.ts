import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ServerBusyError } from '../load-shedding.js';
import { setFrameworkAnswerHeaders } from '../security-headers.js';
import { sendAppError } from './app-error-status.js';
import { buildProblem, HTTP_PROBLEM_STATUS, type Problem, type ProblemCode, sendProblem } from './problem.js';
import { toFieldIssues } from './request-validation.js';
import { AppErrorResponse, HttpProblemResponse } from './unwrap.js';

interface KnownRequestError {
  code: ProblemCode;
  status: number;
  detail: string;
  /** The part of the request at fault, for `errors[]` like any other field error. */
  field: { path: string; message: string };
}

/** Fastify's own request errors whose wording we replace with ours. */
const KNOWN_REQUEST_ERRORS: Record<string, KnownRequestError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'malformed_request',
    status: 400,
    detail: 'The body is not valid JSON.',
    field: { path: 'body', message: 'is not valid JSON' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'malformed_request',
    status: 400,
    detail: 'The body is empty but its content type says JSON.',
    field: { path: 'body', message: 'is empty' },
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'malformed_request',
    status: 400,
    detail: 'The body is not as long as its Content-Length says.',
    field: { path: 'headers.content-length', message: 'does not match the body' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    status: 413,
    detail: 'The body is larger than this server accepts (1 MiB).',
    field: { path: 'body', message: 'is larger than 1 MiB' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    status: 415,
    detail: 'Send the body as application/json.',
    field: { path: 'headers.content-type', message: 'must be application/json' },
  },
  FST_ERR_BAD_URL: {
    code: 'bad_request',
    status: 400,
    detail: 'The URL path is not valid percent-encoded UTF-8.',
    field: { path: 'params', message: 'is not valid percent-encoded UTF-8' },
  },
};

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as FastifyError).code === 'string';
}

/** Turns any thrown error into a problem; only requests' own faults keep a specific detail. */
function problemFor(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof HttpProblemResponse) {
    return buildProblem(request, error.code, HTTP_PROBLEM_STATUS[error.code], error.detail);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = toFieldIssues(error.validationContext ?? 'body', error.validation);
    const detail = `${errors.length} field(s) of the request are not valid.`;
    return buildProblem(request, 'validation_failed', 400, detail, { errors });
  }
  if (error instanceof ServerBusyError) return buildProblem(request, 'server_busy', 503, error.message);
  if (isFastifyError(error)) {
    const known = KNOWN_REQUEST_ERRORS[error.code];
    if (known)
      return buildProblem(request, known.code, known.status, known.detail, { errors: [known.field] });
    const status = error.statusCode ?? 500;
    // Fastify's own 4xx errors describe the request, never the server: their message is safe to show.
    if (status >= 400 && status < 500 && error.code.startsWith('FST_')) {
      return {
        ...buildProblem(request, 'bad_request', status, error.message),
        title: STATUS_CODES[status] ?? 'Bad request',
      };
    }
  }
  return buildProblem(
    request,
    'internal_error',
    500,
    'Something went wrong on our side; quote the requestId if you report it.',
  );
}

function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppErrorResponse) return sendAppError(reply, error.appError);
  const problem = problemFor(error, request);
  // A shed request is expected under overload: one error line each would flood the log when it matters.
  if (problem.status >= 500 && problem.code !== 'server_busy')
    request.log.error({ err: error }, 'request failed');
  // A refused request is the caller's business (it gets the problem): the log notes it only at debug.
  else request.log.debug({ err: error, code: problem.code }, 'request refused');
  return sendProblem(reply, problem);
}

/** Every error and every unknown route becomes problem+json; stacks and internal messages only go to the log. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(answerError);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      buildProblem(
        request,
        'not_found',
        404,
        `There is no ${request.method} ${request.url.split('?', 1)[0]}.`,
      ),
    ),
  );
}

/** For Fastify's `frameworkErrors` option: URL and constraint errors before routing. */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  // No hook runs for these answers: the security headers and the request id are set here.
  setFrameworkAnswerHeaders(request, reply);
  answerError(error, request, reply);
}
