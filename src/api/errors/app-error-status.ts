import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError, AppErrorCode } from '../../app/app-error.js';
import { buildProblem, type ProblemExtras, sendProblem } from './problem.js';

/** The one table from use-case error codes to HTTP statuses. */
export const APP_ERROR_STATUS = {
  not_found: 404,
  validation_failed: 400,
  precondition_failed: 412,
  conflict: 409,
  forbidden: 403,
  unknown_stage: 422,
  illegal_transition: 409,
  override_not_allowed: 403,
  gate_blocked: 422,
  type_not_for_customer: 422,
  integration_not_configured: 503,
  integration_refused: 409,
  integration_unavailable: 503,
  territory_model_invalid: 422,
  activation_refused: 422,
  territory_rule: 422,
  rate_missing: 422,
} as const satisfies Record<AppErrorCode, number>;

const LOCATIONS = /^(body|query|params|headers)(\.|$)/;

/**
 * Use cases name the input field (`ownerId`); HTTP answers name where it was sent (`body.ownerId`,
 * `params.element`), like request-validation errors do.
 */
function locate(path: string, request: FastifyRequest): string {
  if (LOCATIONS.test(path)) return path;
  const [first = ''] = path.split('.');
  if (request.params && typeof request.params === 'object' && first in request.params)
    return `params.${path}`;
  return request.method === 'GET' || request.method === 'DELETE' ? `query.${path}` : `body.${path}`;
}

function extrasOf(error: AppError, request: FastifyRequest): ProblemExtras {
  switch (error.code) {
    case 'validation_failed':
      return { errors: error.issues.map((issue) => ({ ...issue, path: locate(issue.path, request) })) };
    case 'precondition_failed':
      return { currentVersion: error.currentVersion };
    case 'gate_blocked':
      return { missing: error.missing, reachable: error.reachable ?? null };
    case 'type_not_for_customer':
      return {
        errors: [{ path: locate('type', request), message: error.message }],
        customerClass: error.customerClass,
        allowedTypes: error.allowedTypes,
      };
    case 'integration_not_configured':
      return { integration: error.integration, variables: error.variables };
    case 'integration_refused':
      return { integration: error.integration, vendorCode: error.vendorCode };
    case 'integration_unavailable':
      return { integration: error.integration };
    case 'territory_model_invalid':
      return { problems: error.problems };
    case 'activation_refused':
      return { refusals: error.refusals, coverage: error.coverage };
    case 'rate_missing':
      return { currencies: error.currencies };
    case 'territory_rule':
      return { errors: error.issues.map((issue) => ({ ...issue, path: locate(issue.path, request) })) };
    default:
      return {};
  }
}

/** The business rule that refused, with its sentence, where a pure decision refused (decision 013). */
function refusalOf(error: AppError): ProblemExtras {
  if (!('refusal' in error) || error.refusal === undefined) return {};
  return { refusal: { code: error.refusal, message: error.message } };
}

/** Answers a use case's expected failure as a problem with the status from APP_ERROR_STATUS. */
export function sendAppError(reply: FastifyReply, error: AppError): FastifyReply {
  const problem = buildProblem(reply.request, error.code, APP_ERROR_STATUS[error.code], error.message, {
    ...extrasOf(error, reply.request),
    ...refusalOf(error),
  });
  return sendProblem(reply, problem);
}
